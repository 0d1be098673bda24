package dev.migrations.autogenerate.scenarios.constraints.ordinaladded.v1;

public enum Level {
	LOW, HIGH
}
