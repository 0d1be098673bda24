package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntSupplier;

import dev.migrations.MigrationsException;

/**
 * How much DDL one PostgreSQL transaction can safely run: a transaction holds a lock on every
 * relation it creates or drops (the table, its TOAST table and that table's index, each index, the
 * identity sequence) and on a few catalog objects until it ends, about ten per table. The lock
 * table is shared by all sessions and sized {@code max_locks_per_transaction × (max_connections + a
 * few)}: 7,808 entries on a server with the defaults, which one transaction fills with about 1,150
 * tables (measured), failing its own DDL and every other session's with {@code out of shared memory}
 * (SQLState 53200) while it lasts.
 * <p>
 * DDL is weighed by statement: {@value #TABLE_WEIGHT} for a {@code create table} or
 * {@code drop table}, 1 for any other. A transaction may use half of the lock table as it is sized
 * ({@link #budget}), so other sessions keep the rest.
 */
public final class PostgresLockTable {

	/** The locks a {@code create table} takes, about: table, TOAST table and index, keys, sequence, row type. */
	public static final int TABLE_WEIGHT = 10;

	/** DDL this light fits any server's lock table: the server's settings need not be read. */
	public static final int SMALL_WEIGHT = 1000;

	private PostgresLockTable() {
	}

	/**
	 * The weight of one statement.
	 * @param sql the statement
	 * @return {@value #TABLE_WEIGHT} for a {@code create table} or {@code drop table}, 1 otherwise
	 */
	public static int weight(String sql) {
		return (sql.regionMatches(true, 0, "create table ", 0, 13) || sql.regionMatches(true, 0, "drop table ", 0, 11))
				? TABLE_WEIGHT : 1;
	}

	/**
	 * The weight of statements run in one transaction.
	 * @param statements the statements
	 * @return the sum of their weights
	 */
	public static long weight(List<String> statements) {
		long weight = 0;
		for (String statement : statements) {
			weight += weight(statement);
		}
		return weight;
	}

	/**
	 * The budget a change of this weight is held to: {@link #SMALL_WEIGHT} for a change that light,
	 * which fits any server without its settings being read, else the server's budget.
	 * @param weight the change's weight
	 * @param serverBudget {@link #budget(Connection)} on a connection to the server, asked only for a heavier change
	 * @return the budget; the change is to be cut into parts when its weight is above it
	 */
	public static int budget(long weight, IntSupplier serverBudget) {
		return (weight <= SMALL_WEIGHT) ? SMALL_WEIGHT : serverBudget.getAsInt();
	}

	/**
	 * The most one transaction may weigh on the connected server: half its lock table as it is sized
	 * ({@code max_locks_per_transaction × max_connections / 2}), at least {@value #SMALL_WEIGHT}.
	 * @param connection a connection to the server
	 * @return the budget
	 * @throws MigrationsException when the settings cannot be read
	 */
	public static int budget(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_catalog.current_setting('max_locks_per_transaction')::int"
						+ " * pg_catalog.current_setting('max_connections')::int / 2")) {
			return rs.next() ? Math.max(rs.getInt(1), SMALL_WEIGHT) : SMALL_WEIGHT;
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the server's lock table size (max_locks_per_transaction,"
					+ " max_connections): " + ex.getMessage() + ". Check the connection.", ex);
		}
	}

}
