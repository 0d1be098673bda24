package dev.migrations.boot.shell.enumsplit.v1;

/** How soon a ticket needs an answer. */
public enum Priority {

	LOW, HIGH

}
