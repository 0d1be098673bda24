package dev.migrations.autogenerate.scenarios.apps.fitness.v1;

public enum WorkoutKind {

	RUN, RIDE, SWIM, STRENGTH

}
