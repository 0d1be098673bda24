package dev.migrations.autogenerate.scenarios.apps.tasks;

public enum Priority {

	LOW, MEDIUM, HIGH

}
