package dev.migrations.rehearse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.migrations.lint.LockMode;

/** Reads {@code pg_locks} and names the relations it shows. */
final class PgLocks {

	/** User relations: not in the system schemas. */
	private static final String USER_RELATIONS = "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_class c"
			+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

	private static final String LOCKS = "SELECT l.relation::bigint, l.mode FROM pg_locks l WHERE l.pid = %s"
			+ " AND l.locktype = 'relation' AND l.granted"
			+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

	private PgLocks() {
	}

	/** A relation as reports name it. */
	record Relation(String name, String kind) {
	}

	/** A lock mode held on a relation. */
	record Held(long relation, LockMode mode) {
	}

	/** Every user relation of the database, by oid. */
	static Map<Long, Relation> relations(Connection connection) throws SQLException {
		Map<Long, Relation> relations = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(USER_RELATIONS)) {
			while (rs.next()) {
				relations.put(rs.getLong(1), relation(rs));
			}
		}
		return relations;
	}

	/** The user relations among {@code oids} (those not dropped since), by oid. */
	static Map<Long, Relation> relations(Connection connection, Collection<Long> oids) throws SQLException {
		Map<Long, Relation> relations = new HashMap<>();
		if (oids.isEmpty()) {
			return relations;
		}
		try (PreparedStatement statement = connection.prepareStatement(USER_RELATIONS + " AND c.oid = ANY (?::oid[])")) {
			statement.setArray(1, connection.createArrayOf("bigint", oids.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					relations.put(rs.getLong(1), relation(rs));
				}
			}
		}
		return relations;
	}

	private static Relation relation(ResultSet rs) throws SQLException {
		String schema = rs.getString(2);
		String name = rs.getString(3);
		String kind = switch (rs.getString(4)) {
			case "r", "p" -> "table";
			case "i", "I" -> "index";
			case "S" -> "sequence";
			case "v" -> "view";
			case "m" -> "materialized view";
			default -> "relation";
		};
		return new Relation(dev.migrations.dialect.PostgresIdentifiers.qualified(schema, name), kind);
	}

	/** The relation locks this connection's session holds. */
	static Set<Held> held(Connection connection) throws SQLException {
		return query(connection, String.format(LOCKS, "pg_backend_pid()"));
	}

	/** The relation locks session {@code pid} holds, read from another session. */
	static Set<Held> heldBy(Connection connection, int pid) throws SQLException {
		return query(connection, String.format(LOCKS, Integer.toString(pid)));
	}

	private static Set<Held> query(Connection connection, String sql) throws SQLException {
		Set<Held> held = new LinkedHashSet<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				LockMode mode = LockMode.ofCatalogName(rs.getString(2));
				if (mode != null) {
					held.add(new Held(rs.getLong(1), mode));
				}
			}
		}
		return held;
	}

	/** Whether session {@code pid} is waiting for a lock session {@code blocker} holds. */
	static boolean blockedBy(Connection connection, int pid, int blocker) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT ? = ANY (pg_blocking_pids(?))")) {
			statement.setInt(1, blocker);
			statement.setInt(2, pid);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	static int pid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
