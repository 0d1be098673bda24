package dev.migrations.autogenerate.scenarios.apps.fitness;

public enum WorkoutKind {

	RUN, RIDE, SWIM, STRENGTH

}
