package dev.migrations.autogenerate.dependentviews.v6;

public enum Status {
	OPEN, CLOSED, ARCHIVED
}
