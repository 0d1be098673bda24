package dev.migrations.autogenerate.scenarios.apps.tasks.v2;

public enum Priority {

	LOW, MEDIUM, HIGH

}
