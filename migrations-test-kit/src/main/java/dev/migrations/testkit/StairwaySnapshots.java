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

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Migrations;

/**
 * The schema snapshots of a stairway, taken after every step, at a cost that does not grow with the schema on
 * PostgreSQL: a full catalog read at the start, then, after each step, only the objects the step's commands
 * created, changed or dropped, and every object depending on them (found through {@code pg_depend}: the
 * indexes and constraints of a table, foreign keys of other tables referencing it, views reading it, columns of
 * a type, defaults using a sequence...; a table's owned sequences, partitions and children, which some commands
 * change or drop without reporting them), in one call of a function ({@link SchemaSnapshot#postgresScopedFunction})
 * whose parts run only for the kinds of object in scope. The step's objects are reported by two event triggers
 * ({@code ddl_command_end} with {@code pg_event_trigger_ddl_commands()}, {@code sql_drop} with
 * {@code pg_event_trigger_dropped_objects()}) as notifications ({@code pg_notify}) on a channel the steps'
 * session listens to: the server sends a session its own notifications with the reply to the commit, so they
 * are at hand when the step returns, with no statement to read them. The triggers and their function live in a
 * schema created for the stairway and dropped after it. A step that touched nothing, or only dropped objects
 * together with their owners (a table with its columns, indexes and constraints), is not read at all: what was
 * kept for them is forgotten. {@link #matchesFullRead()} compares what was kept with a full read at the end
 * (it catches, e.g., a change made on another connection than the steps', which no notification reports in
 * time). The snapshots are not copies of what is kept: {@link KeptSchema} keeps what each step changed, so two of
 * them compare in proportion to that, not to the schema.
 * <p>
 * Where the event triggers cannot be created (they need a superuser), where the steps' connection is not
 * PostgreSQL's driver's, and on MariaDB, every snapshot is a full catalog read, as
 * {@link SchemaSnapshot#take(Migrations, Connection, boolean)}.
 */
final class StairwaySnapshots implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StairwaySnapshots.class);

	private final Migrations migrations;

	private final Connection connection;

	private final String schema;

	private final String recorder;

	// the steps' connection, listening to the recorder's channel
	private final Connection steps;

	private final PGConnection listener;

	private final KeptSchema definitions = new KeptSchema();

	private final Map<String, long[]> oids = new HashMap<>();

	private final Map<Long, Set<String>> byOwner = new HashMap<>();

	private final Map<Long, Long> ownerOfObject = new HashMap<>();

	// partitions and child tables by their parent, as last read
	private final Map<Long, Set<Long>> children = new HashMap<>();

	private PreparedStatement scoped;

	private boolean plannedForPartial;

	private StairwaySnapshots(Migrations migrations, Connection connection, String schema, String recorder,
			Connection steps) throws SQLException {
		this.migrations = migrations;
		this.connection = connection;
		this.schema = schema;
		this.recorder = recorder;
		this.steps = steps;
		this.listener = (recorder != null) ? steps.unwrap(PGConnection.class) : null;
	}

	/**
	 * Starts the snapshots on a connection kept for the whole stairway, with a full read of the schema.
	 * @param steps the connection the steps run on (see {@link dev.migrations.runner.RevisionSteps#connection()}),
	 * in auto-commit mode: it listens to what the steps' commands touch until {@link #close()}
	 * @param incremental whether to try reading only what each step touched (PostgreSQL, as a superuser)
	 */
	static StairwaySnapshots open(Migrations migrations, Connection connection, Connection steps, boolean incremental)
			throws SQLException {
		String schema = SchemaSnapshot.schema(migrations, connection);
		String recorder = null;
		if (incremental && migrations.dialect().name().equals("postgresql")) {
			recorder = createRecorder(connection, steps);
		}
		StairwaySnapshots snapshots = new StairwaySnapshots(migrations, connection, schema, recorder, steps);
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

	// the schema, the functions (the event triggers' and the partial read) and the event triggers reporting what
	// each step's commands touch, with the steps' connection listening; null when they cannot be created (not a
	// superuser, another driver), with everything rolled back
	private static String createRecorder(Connection connection, Connection steps) throws SQLException {
		if (!steps.isWrapperFor(PGConnection.class)) {
			logger.info("The stairway reads the whole schema after each step: its steps' connection ({}) is not one of "
					+ "PostgreSQL's JDBC driver, which it needs to receive what each step touched.", steps.getClass().getName());
			return null;
		}
		String name = "migrations_stairway_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("create schema " + name);
			// a notification's payload must stay under 8,000 bytes: long lists go in several
			statement.execute("create function " + name + ".record() returns event_trigger language plpgsql as $$\n"
					+ "declare\n  payload text := '';\n  touched record;\nbegin\n"
					+ "  if tg_event = 'sql_drop' then\n" + notifyEach(name, "d", "pg_event_trigger_dropped_objects")
					+ "  else\n" + notifyEach(name, "c", "pg_event_trigger_ddl_commands")
					+ "  end if;\n"
					+ "  if payload <> '' then\n    perform pg_catalog.pg_notify('" + name + "', payload);\n  end if;\n"
					+ "end\n$$");
			statement.execute(SchemaSnapshot.postgresScopedFunction(name));
			statement.execute("create event trigger " + name + "_ddl on ddl_command_end execute function " + name + ".record()");
			statement.execute("create event trigger " + name + "_drop on sql_drop execute function " + name + ".record()");
			// also while a revision sets session_replication_role = replica
			statement.execute("alter event trigger " + name + "_ddl enable always");
			statement.execute("alter event trigger " + name + "_drop enable always");
			connection.commit();
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
		try (Statement statement = steps.createStatement()) {
			statement.execute("listen " + name);
		}
		catch (SQLException ex) {
			dropRecorder(connection, name);
			throw ex;
		}
		return name;
	}

	// the trigger function's loop over what a command touched, as "<kind><classid>.<objid>" entries
	private static String notifyEach(String channel, String kind, String function) {
		// a command on no object of its own (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES) reports none: "f", read all
		return "    for touched in select '" + kind + "' kind, classid, objid from pg_catalog." + function + "() loop\n"
				+ "      payload := payload || ' ' || coalesce(touched.kind || touched.classid || '.' || touched.objid, 'f0.0');\n"
				+ "      if pg_catalog.length(payload) > 7000 then\n"
				+ "        perform pg_catalog.pg_notify('" + channel + "', payload);\n        payload := '';\n      end if;\n"
				+ "    end loop;\n";
	}

	// the partial read's statements are planned once (generic plans), to look objects up by their oids rather than
	// scan the catalog: plans for few oids, which a full read must not use
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
		this.oids.clear();
		this.byOwner.clear();
		this.ownerOfObject.clear();
		this.children.clear();
		Map<String, String> read = new HashMap<>();
		SchemaSnapshot.read(this.connection, SchemaSnapshot.POSTGRES_CATALOG, (name, definition, owner, object) -> {
			if (name == null) {
				this.children.computeIfAbsent(owner, (key) -> new HashSet<>()).add(object);
				return;
			}
			read.put(name, definition);
			keepOids(name, owner, object);
		}, this.schema, this.migrations.versionTable(), this.migrations.versionTable() + "_log");
		this.definitions.replaceAll(read);
	}

	private void keep(String name, String definition, long owner, long object) {
		this.definitions.put(name, definition);
		keepOids(name, owner, object);
	}

	private void keepOids(String name, long owner, long object) {
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

	/**
	 * The schema now, after a step; only the last {@value KeptSchema#KEPT_SNAPSHOTS} such snapshots can be read or
	 * compared.
	 */
	SchemaSnapshot take() throws SQLException {
		if (this.recorder == null) {
			return SchemaSnapshot.take(this.migrations, this.connection, false);
		}
		List<Long> classes = new ArrayList<>();
		List<Long> objects = new ArrayList<>();
		Set<Long> owners = new HashSet<>();
		Set<Long> dropped = new HashSet<>();
		boolean fullRead = false;
		// received with the replies to the step's statements: no round trip
		PGNotification[] received = this.listener.getNotifications();
		for (PGNotification notification : (received != null) ? received : new PGNotification[0]) {
			if (!notification.getName().equals(this.recorder)) {
				continue;
			}
			for (String entry : notification.getParameter().split(" ")) {
				if (entry.isEmpty()) {
					continue;
				}
				if (entry.charAt(0) == 'f') {
					fullRead = true;
					continue;
				}
				int dot = entry.indexOf('.');
				long classid = Long.parseLong(entry.substring(1, dot));
				long object = Long.parseLong(entry.substring(dot + 1));
				// a partition or child table may have changed with its parent (detached, no longer inheriting): read again
				owners.addAll(this.children.getOrDefault(object, Set.of()));
				if (entry.charAt(0) == 'd') {
					// gone from the catalog: what was read by it, or by its owner, is read again
					dropped.add(object);
					owners.add(object);
					Long owner = this.ownerOfObject.get(object);
					if (owner != null) {
						owners.add(owner);
					}
				}
				else {
					classes.add(classid);
					objects.add(object);
					// an object kept for another owner (a sequence for the table owning it, which the command may have
					// changed): that owner is read again too
					Long owner = this.ownerOfObject.get(object);
					if (owner != null && owner != object) {
						owners.add(owner);
					}
				}
			}
		}
		if (fullRead) {
			// what a GRANT or REVOKE changed is not reported: every object is read again
			readAll();
			return this.definitions.snapshot();
		}
		if (classes.isEmpty() && owners.isEmpty()) {
			return this.definitions.snapshot();
		}
		if (classes.isEmpty() && dropped.containsAll(owners)) {
			// only drops, each of an object whose owner went too (a dropped table's columns, indexes, constraints):
			// reading them again would find nothing
			for (Long owner : owners) {
				forget(owner);
			}
			return this.definitions.snapshot();
		}
		planFor(true);
		if (this.scoped == null) {
			this.scoped = this.connection.prepareStatement("select * from " + this.recorder
					+ ".objects(?::oid[], ?::oid[], ?::oid[], ?, ?, ?)");
		}
		this.scoped.setString(1, array(classes));
		this.scoped.setString(2, array(objects));
		this.scoped.setString(3, array(owners));
		this.scoped.setString(4, this.schema);
		this.scoped.setString(5, this.migrations.versionTable());
		this.scoped.setString(6, this.migrations.versionTable() + "_log");
		List<Object[]> rows = new ArrayList<>();
		List<long[]> links = new ArrayList<>();
		try (ResultSet rs = this.scoped.executeQuery()) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (name == null && rs.getString(2) != null) {
					links.add(new long[] { rs.getLong(3), rs.getLong(4) });
				}
				else if (name == null) {
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
			// read again if still there
			this.children.remove(owner);
		}
		for (long[] link : links) {
			this.children.computeIfAbsent(link[0], (key) -> new HashSet<>()).add(link[1]);
		}
		for (Object[] row : rows) {
			String name = (String) row[0];
			if (this.definitions.contains(name)) {
				// an object of that name is kept for an owner not read again: what was kept is out of date
				logger.info("The stairway reads the whole schema again: {} was read for another object than before.", name);
				readAll();
				return this.definitions.snapshot();
			}
			keep(name, (String) row[1], (Long) row[2], (Long) row[3]);
		}
		return this.definitions.snapshot();
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
				(name, definition, owner, object) -> {
					if (name != null) {
						full.put(name, definition);
					}
				}, this.schema, this.migrations.versionTable(),
				this.migrations.versionTable() + "_log");
		return full.equals(this.definitions.current());
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
		closeQuietly(this.scoped);
		if (this.recorder == null) {
			return;
		}
		try (Statement statement = this.steps.createStatement()) {
			// the connection may go back to a pool
			statement.execute("unlisten " + this.recorder);
			this.listener.getNotifications();
		}
		catch (SQLException ex) {
			logger.debug("Could not stop listening to {}: {}", this.recorder, ex.getMessage());
		}
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
			planFor(false);
		}
		catch (SQLException ex) {
			logger.debug("Could not reset the snapshots' connection: {}", ex.getMessage());
		}
		dropRecorder(this.connection, this.recorder);
	}

	private static void dropRecorder(Connection connection, String recorder) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop event trigger if exists " + recorder + "_ddl");
			statement.execute("drop event trigger if exists " + recorder + "_drop");
			statement.execute("drop schema if exists " + recorder + " cascade");
		}
		catch (SQLException ex) {
			logger.warn("Could not drop the stairway's event triggers {}_ddl and {}_drop and schema {}: drop them by hand "
					+ "({}).", recorder, recorder, recorder, ex.getMessage());
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
