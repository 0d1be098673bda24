package dev.migrations.boot.shell.enumsplit.v2;

/** How soon a ticket needs an answer. */
public enum Priority {

	LOW, HIGH, URGENT

}
