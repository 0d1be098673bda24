package dev.migrations.autogenerate.scenarios.apps.tasks.v1;

public enum Priority {

	LOW, MEDIUM, HIGH

}
