package dev.migrations.autogenerate.scenarios.enums.renamevaluearray.v1;

public enum Status {

	OPEN, CLOSED, ARCHIVED

}
