package dev.migrations.autogenerate.dependentviews.v5;

public enum Status {
	OPEN, CLOSED, ARCHIVED
}
