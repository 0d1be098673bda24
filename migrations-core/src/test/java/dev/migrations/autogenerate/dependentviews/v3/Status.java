package dev.migrations.autogenerate.dependentviews.v3;

public enum Status {
	OPEN
}
