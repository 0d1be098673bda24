package dev.migrations.baseline;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of other migration tools' history tables besides their defaults, as an application
 * configures them (Spring Boot's {@code spring.flyway.table},
 * {@code spring.liquibase.database-change-log-table} and {@code -lock-table}). Their default names
 * ({@code flyway_schema_history}, {@code databasechangelog}, {@code databasechangeloglock}) are
 * always recognised too.
 *
 * @param flyway Flyway's history table, {@code null} for the default only
 * @param liquibase Liquibase's change log table, {@code null} for the default only
 * @param liquibaseLock Liquibase's lock table, {@code null} for the default only
 */
public record OtherToolTables(String flyway, String liquibase, String liquibaseLock) {

	/** The default names only. */
	public static final OtherToolTables DEFAULTS = new OtherToolTables(null, null, null);

	public OtherToolTables {
		flyway = configured(flyway);
		liquibase = configured(liquibase);
		liquibaseLock = configured(liquibaseLock);
	}

	private static String configured(String name) {
		return (name == null || name.isBlank()) ? null : name.trim();
	}

	/** Whether {@code table} is Flyway's history: the default name or the configured one (case aside). */
	boolean isFlyway(String table) {
		return matches(table, ExistingSchema.FLYWAY_TABLE, this.flyway);
	}

	/** Whether {@code table} is Liquibase's change log: the default name or the configured one (case aside). */
	boolean isLiquibase(String table) {
		return matches(table, ExistingSchema.LIQUIBASE_TABLE, this.liquibase);
	}

	/** Whether {@code table} is Liquibase's lock table: the default name or the configured one (case aside). */
	boolean isLiquibaseLock(String table) {
		return matches(table, ExistingSchema.LIQUIBASE_LOCK_TABLE, this.liquibaseLock);
	}

	/** Whether {@code table} is any of the other tools' tables, under a default or a configured name. */
	public boolean contains(String table) {
		return isFlyway(table) || isLiquibase(table) || isLiquibaseLock(table);
	}

	/** The configured names that differ from the defaults, lower case: what a table filter must leave out. */
	public Set<String> configuredNames() {
		Set<String> names = new LinkedHashSet<>();
		for (String name : new String[] { this.flyway, this.liquibase, this.liquibaseLock }) {
			if (name != null) {
				names.add(name.toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private static boolean matches(String table, String defaultName, String configured) {
		return table.equalsIgnoreCase(defaultName) || (configured != null && table.equalsIgnoreCase(configured));
	}

}
