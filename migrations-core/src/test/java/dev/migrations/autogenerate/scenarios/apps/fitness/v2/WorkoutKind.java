package dev.migrations.autogenerate.scenarios.apps.fitness.v2;

public enum WorkoutKind {

	RUN, RIDE, SWIM, STRENGTH

}
