package dev.migrations.autogenerate.dependentviews.v4;

public enum Status {
	OPEN, CLOSED
}
