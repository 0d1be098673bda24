package dev.migrations.boot.drift;

import java.util.List;

import dev.migrations.MigrationsException;
import dev.migrations.diff.Difference;

/**
 * The startup drift check ({@code migrations.drift.on-startup=fail}) found that the JPA entities
 * and the database differ.
 */
public class DriftDetectedException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final transient List<Difference> differences;

	public DriftDetectedException(List<Difference> differences) {
		super("The JPA entities and the database differ (" + differences.size() + " difference"
				+ ((differences.size() == 1) ? "" : "s") + "):\n" + MigrationsDriftMonitor.describe(differences)
				+ "\n" + MigrationsDriftMonitor.whatToDo(differences) + ", or set migrations.drift.on-startup=warn to start"
				+ " anyway.");
		this.differences = List.copyOf(differences);
	}

	/** What differs. */
	public List<Difference> differences() {
		return this.differences;
	}

}
