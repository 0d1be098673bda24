package dev.migrations.autogenerate.scenarios.constraints.ordinaladded.v2;

public enum Level {
	LOW, HIGH, URGENT
}
