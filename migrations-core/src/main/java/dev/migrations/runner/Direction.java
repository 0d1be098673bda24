package dev.migrations.runner;

/** Which way a revision is run. */
public enum Direction {

	UPGRADE, DOWNGRADE

}
