package dev.migrations.autogenerate.dependentviews.v1;

public enum Status {
	OPEN, CLOSED
}
