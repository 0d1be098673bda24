package dev.migrations.autogenerate.scenarios.enums.ordinal.v2;

public enum Priority {

	LOW, NORMAL, HIGH, URGENT

}
