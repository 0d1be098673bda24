package dev.migrations.autogenerate.scenarios.enums.ordinal.v1;

public enum Priority {

	LOW, NORMAL, HIGH

}
