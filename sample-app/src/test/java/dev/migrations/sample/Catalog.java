package dev.migrations.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrations.test.TestDatabase;

/** What a test asks the database directly: rows, tables, indexes and enum types, after a command ran. */
final class Catalog {

	private final TestDatabase database;

	Catalog(TestDatabase database) {
		this.database = database;
	}

	/** Runs statements, each committed on its own. */
	void execute(String... statements) {
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage() + " in " + String.join("; ", statements), ex);
		}
	}

	/** The rows of a query, each row's columns joined with {@code |}, {@code null} as {@code NULL}. */
	List<String> rows(String query) {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int column = 1; column <= columns; column++) {
					String value = result.getString(column);
					row.append((column > 1) ? "|" : "").append((value != null) ? value : "NULL");
				}
				rows.add(row.toString());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage() + " in " + query, ex);
		}
		return rows;
	}

	/** The single value of a query that returns one row and one column. */
	String value(String query) {
		List<String> rows = rows(query);
		if (rows.size() != 1) {
			throw new IllegalStateException("expected one row from " + query + ", got " + rows);
		}
		return rows.get(0);
	}

	/** The tables of the current schema, sorted. */
	List<String> tables() {
		return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
				+ " AND table_type = 'BASE TABLE' ORDER BY table_name");
	}

	/** The index's definition as the server prints it, if the index exists. */
	Optional<String> index(String name) {
		return rows("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '" + name + "'")
			.stream()
			.findFirst();
	}

	/** The labels of an enum type, in their order; empty when the type does not exist. */
	List<String> enumLabels(String type) {
		return rows("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
				+ " WHERE t.typname = '" + type + "' AND t.typnamespace = current_schema()::regnamespace ORDER BY e.enumsortorder");
	}

	/** The enum types of the current schema, sorted. */
	List<String> enumTypes() {
		return rows("SELECT typname FROM pg_type WHERE typtype = 'e' AND typnamespace = current_schema()::regnamespace"
				+ " ORDER BY typname");
	}

	/** The revisions recorded as applied in the version table, sorted. */
	List<String> appliedRevisions() {
		return rows("SELECT revision FROM migrations_version ORDER BY revision");
	}

}
