package dev.migrations.autogenerate.scenarios.enums.renamevaluearray.v2;

public enum Status {

	OPEN, DONE, ARCHIVED

}
