package dev.migrations.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Migrations;

/**
 * The schema snapshots of a stairway, taken after every step, at a cost that does not grow with the schema on
 * PostgreSQL: a full catalog read at the start, then, after each step, only the objects the step's commands
 * created, changed or dropped, and every object depending on them (found through {@code pg_depend}: the
 * indexes and constraints of a table, foreign keys of other tables referencing it, views reading it, columns of
 * a type, defaults using a sequence...). The step's objects are recorded by two event triggers
 * ({@code ddl_command_end} with {@code pg_event_trigger_ddl_commands()}, {@code sql_drop} with
 * {@code pg_event_trigger_dropped_objects()}) writing to an unlogged table in a schema of their own, all
 * created for the stairway and dropped after it. A step that only dropped objects together with their owners
 * (a table with its columns, indexes and constraints) is not read at all: what was kept for them is forgotten.
 * {@link #matchesFullRead()} compares what was kept with a full read at the end.
 * <p>
 * Where the event triggers cannot be created (they need a superuser) and on MariaDB, every snapshot is a full
 * catalog read, as {@link SchemaSnapshot#take(Migrations, Connection, boolean)}.
 */
final class StairwaySnapshots implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StairwaySnapshots.class);

	private final Migrations migrations;

	private final Connection connection;

	private final String schema;

	private final String recorder;

	private final SortedMap<String, String> definitions = new TreeMap<>();

	private final Map<String, long[]> oids = new HashMap<>();

	private final Map<Long, Set<String>> byOwner = new HashMap<>();

	private final Map<Long, Long> ownerOfObject = new HashMap<>();

	private PreparedStatement drain;

	private PreparedStatement scoped;

	private boolean plannedForPartial;

	private long lastRecorded;

	private StairwaySnapshots(Migrations migrations, Connection connection, String schema, String recorder) {
		this.migrations = migrations;
		this.connection = connection;
		this.schema = schema;
		this.recorder = recorder;
	}

	/**
	 * Starts the snapshots on a connection kept for the whole stairway, with a full read of the schema.
	 * @param incremental whether to try reading only what each step touched (PostgreSQL, as a superuser)
	 */
	static StairwaySnapshots open(Migrations migrations, Connection connection, boolean incremental) throws SQLException {
		String schema = SchemaSnapshot.schema(migrations, connection);
		String recorder = null;
		if (incremental && migrations.dialect().name().equals("postgresql")) {
			recorder = createRecorder(connection);
		}
		StairwaySnapshots snapshots = new StairwaySnapshots(migrations, connection, schema, recorder);
		if (recorder != null) {
			try {
				snapshots.readAll();
			}
			catch (SQLException | RuntimeException ex) {
				snapshots.close();
				throw ex;
			}
		}
		return snapshots;
	}

	/** Whether only what each step touched is read again (else every snapshot reads the whole catalog). */
	boolean incremental() {
		return this.recorder != null;
	}

	// the schema, table, function and event triggers recording what each step's commands touch; null when
	// they cannot be created (not a superuser), with everything rolled back
	private static String createRecorder(Connection connection) throws SQLException {
		String name = "migrations_stairway_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("create schema " + name);
			statement.execute("create unlogged table " + name + ".touched (id bigserial primary key, classid oid, objid oid, dropped boolean)");
			statement.execute("create function " + name + ".record() returns event_trigger language plpgsql "
					+ "security definer set search_path = pg_catalog, pg_temp as $$\nbegin\n"
					+ "  if tg_event = 'sql_drop' then\n"
					+ "    insert into " + name + ".touched (classid, objid, dropped) select classid, objid, true from pg_event_trigger_dropped_objects();\n"
					+ "  else\n"
					+ "    insert into " + name + ".touched (classid, objid, dropped) select classid, objid, false from pg_event_trigger_ddl_commands();\n"
					+ "  end if;\nend\n$$");
			statement.execute("create event trigger " + name + "_ddl on ddl_command_end execute function " + name + ".record()");
			statement.execute("create event trigger " + name + "_drop on sql_drop execute function " + name + ".record()");
			// also while a revision sets session_replication_role = replica
			statement.execute("alter event trigger " + name + "_ddl enable always");
			statement.execute("alter event trigger " + name + "_drop enable always");
			connection.commit();
			return name;
		}
		catch (SQLException ex) {
			connection.rollback();
			logger.info("The stairway reads the whole schema after each step: it could not create event triggers to "
					+ "read only what each step touched ({}); they need a superuser.", ex.getMessage());
			return null;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	// the partial read is planned once (a generic plan), to look objects up by their oids rather than scan the
	// catalog: a plan for few oids, which a full read must not use
	private void planFor(boolean partial) throws SQLException {
		if (partial == this.plannedForPartial) {
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			for (String setting : List.of("plan_cache_mode", "enable_seqscan", "enable_hashjoin", "enable_mergejoin")) {
				if (!partial) {
					statement.execute("reset " + setting);
				}
				else {
					statement.execute("set " + setting + " = "
							+ (setting.equals("plan_cache_mode") ? "force_generic_plan" : "off"));
				}
			}
		}
		this.plannedForPartial = partial;
	}

	private void readAll() throws SQLException {
		planFor(false);
		this.definitions.clear();
		this.oids.clear();
		this.byOwner.clear();
		this.ownerOfObject.clear();
		SchemaSnapshot.read(this.connection, SchemaSnapshot.POSTGRES_CATALOG, this::keep, this.schema,
				this.migrations.versionTable(), this.migrations.versionTable() + "_log");
	}

	private void keep(String name, String definition, long owner, long object) {
		this.definitions.put(name, definition);
		this.oids.put(name, new long[] { owner, object });
		this.byOwner.computeIfAbsent(owner, (key) -> new HashSet<>()).add(name);
		this.ownerOfObject.put(object, owner);
	}

	private void forget(long owner) {
		Set<String> names = this.byOwner.remove(owner);
		if (names == null) {
			return;
		}
		for (String name : names) {
			this.definitions.remove(name);
			long[] pair = this.oids.remove(name);
			this.ownerOfObject.remove(pair[1]);
		}
	}

	/** The schema now, after a step. */
	SchemaSnapshot take() throws SQLException {
		if (this.recorder == null) {
			return SchemaSnapshot.take(this.migrations, this.connection, false);
		}
		List<Long> classes = new ArrayList<>();
		List<Long> objects = new ArrayList<>();
		Set<Long> owners = new HashSet<>();
		Set<Long> dropped = new HashSet<>();
		if (this.drain == null) {
			// read, not deleted: a read-only query commits nothing, so waits for no disk
			this.drain = this.connection.prepareStatement(
					"select classid, objid, dropped, id from " + this.recorder + ".touched where id > ? order by id");
		}
		this.drain.setLong(1, this.lastRecorded);
		try (ResultSet rs = this.drain.executeQuery()) {
			while (rs.next()) {
				long object = rs.getLong(2);
				this.lastRecorded = rs.getLong(4);
				if (rs.getBoolean(3)) {
					// gone from the catalog: what was read by it, or by its owner, is read again
					dropped.add(object);
					owners.add(object);
					Long owner = this.ownerOfObject.get(object);
					if (owner != null) {
						owners.add(owner);
					}
				}
				else {
					classes.add(rs.getLong(1));
					objects.add(object);
				}
			}
		}
		if (classes.isEmpty() && owners.isEmpty()) {
			return SchemaSnapshot.of(this.definitions);
		}
		if (classes.isEmpty() && dropped.containsAll(owners)) {
			// only drops, each of an object whose owner went too (a dropped table's columns, indexes, constraints):
			// reading them again would find nothing
			for (Long owner : owners) {
				forget(owner);
			}
			return SchemaSnapshot.of(this.definitions);
		}
		planFor(true);
		if (this.scoped == null) {
			this.scoped = this.connection.prepareStatement(SchemaSnapshot.POSTGRES_SCOPED);
		}
		this.scoped.setString(1, array(classes));
		this.scoped.setString(2, array(objects));
		this.scoped.setString(3, array(owners));
		this.scoped.setString(4, this.schema);
		this.scoped.setString(5, this.migrations.versionTable());
		this.scoped.setString(6, this.migrations.versionTable() + "_log");
		List<Object[]> rows = new ArrayList<>();
		try (ResultSet rs = this.scoped.executeQuery()) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (name == null) {
					owners.add(rs.getLong(3));
				}
				else {
					String definition = rs.getString(2);
					rows.add(new Object[] { name, (definition != null) ? definition.strip() : "", rs.getLong(3), rs.getLong(4) });
				}
			}
		}
		for (Long owner : owners) {
			forget(owner);
		}
		for (Object[] row : rows) {
			String name = (String) row[0];
			if (this.definitions.containsKey(name)) {
				// an object of that name is kept for an owner not read again: what was kept is out of date
				logger.info("The stairway reads the whole schema again: {} was read for another object than before.", name);
				readAll();
				return SchemaSnapshot.of(this.definitions);
			}
			keep(name, (String) row[1], (Long) row[2], (Long) row[3]);
		}
		return SchemaSnapshot.of(this.definitions);
	}

	/**
	 * Whether what was kept step by step is what a full read of the catalog finds now; when not, a change went
	 * unseen (a command no event trigger reports) and the stairway must be run again with full reads.
	 */
	boolean matchesFullRead() throws SQLException {
		if (this.recorder == null) {
			return true;
		}
		planFor(false);
		SortedMap<String, String> full = new TreeMap<>();
		SchemaSnapshot.read(this.connection, SchemaSnapshot.POSTGRES_CATALOG,
				(name, definition, owner, object) -> full.put(name, definition), this.schema, this.migrations.versionTable(),
				this.migrations.versionTable() + "_log");
		return full.equals(this.definitions);
	}

	private static String array(Iterable<Long> oids) {
		StringJoiner joiner = new StringJoiner(",", "{", "}");
		for (Long oid : oids) {
			joiner.add(Long.toString(oid));
		}
		return joiner.toString();
	}

	@Override
	public void close() {
		closeQuietly(this.drain);
		closeQuietly(this.scoped);
		if (this.recorder == null) {
			return;
		}
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
			planFor(false);
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("drop event trigger if exists " + this.recorder + "_ddl");
				statement.execute("drop event trigger if exists " + this.recorder + "_drop");
				statement.execute("drop schema if exists " + this.recorder + " cascade");
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not drop the stairway's event triggers {}_ddl and {}_drop and schema {}: drop them by hand "
					+ "({}).", this.recorder, this.recorder, this.recorder, ex.getMessage());
		}
	}

	private static void closeQuietly(Statement statement) {
		if (statement != null) {
			try {
				statement.close();
			}
			catch (SQLException ex) {
				// closed with its connection
			}
		}
	}

}
