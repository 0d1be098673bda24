package dev.migrations.autogenerate.dependentviews.v2;

public enum Status {
	OPEN, CLOSED
}
