package dev.migrations.squash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrations.dialect.PostgresIdentifiers;

/**
 * The functions, procedures, views and triggers of a schema, as the server prints them, written again by a squash
 * after its tables: functions and views in an order where each comes after what it depends on (the server's
 * dependencies, then the order they were created in), triggers last, then their comments. The functions a table
 * calls (in a column default, a check or an index expression) come before the tables instead, with what they need.
 * Their downgrade drops them in the reverse order.
 * <p>
 * The definitions are read with the schema first on the {@code search_path}, so that the server prints the names of
 * the schema's own objects unqualified, and the schema's name is taken out of the rest (a function's own name is
 * always printed qualified): the squash then creates them wherever it runs. Whether they are written back exactly is
 * checked like the rest of the squash, by {@link SchemaFingerprint}, which prints them the same way.
 */
final class RoutinesAndViews {

	/**
	 * Functions and procedures (not aggregates or window functions), views with their columns' defaults: oid, kind,
	 * name to drop, definition.
	 */
	private static final String OBJECTS = """
			SELECT p.oid::bigint, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
			    pg_catalog.quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
			    pg_catalog.pg_get_functiondef(p.oid), 'pg_proc'
			FROM pg_catalog.pg_proc p WHERE p.pronamespace = ?::regnamespace AND p.prokind IN ('f', 'p')
			  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass
			    AND d.objid = p.oid AND d.deptype = 'e')
			UNION ALL
			SELECT c.oid::bigint, 'VIEW', pg_catalog.quote_ident(c.relname),
			    'CREATE VIEW ' || pg_catalog.quote_ident(c.relname)
			    || coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '') || ' AS' || E'\\n'
			    || pg_catalog.pg_get_viewdef(c.oid)
			    || coalesce((SELECT string_agg(E'\\nALTER VIEW ' || pg_catalog.quote_ident(c.relname) || ' ALTER COLUMN '
			      || pg_catalog.quote_ident(a.attname) || ' SET DEFAULT ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid) || ';',
			      '' ORDER BY a.attnum)
			      FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			      WHERE d.adrelid = c.oid), ''), 'pg_class'
			FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'v'
			""";

	/** What depends on what among them: a view's rule on a view or function, a function on a function or view. */
	private static final String DEPENDENCIES = """
			SELECT coalesce(r.ev_class, d.objid)::bigint, d.refobjid::bigint
			FROM pg_catalog.pg_depend d LEFT JOIN pg_catalog.pg_rewrite r
			  ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND r.oid = d.objid
			WHERE d.classid IN ('pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_proc'::regclass)
			  AND d.refclassid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_proc'::regclass)
			  AND d.deptype = 'n'
			""";

	/** Functions a table's column default, check or index expression calls: they are created before the tables. */
	private static final String NEEDED_BY_TABLES = """
			SELECT DISTINCT d.refobjid::bigint FROM pg_catalog.pg_depend d
			WHERE d.refclassid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'n'
			  AND (d.classid IN ('pg_catalog.pg_attrdef'::regclass, 'pg_catalog.pg_constraint'::regclass)
			    OR (d.classid = 'pg_catalog.pg_class'::regclass AND d.objid IN (SELECT i.indexrelid FROM pg_catalog.pg_index i)))
			""";

	private static final String TRIGGERS = """
			SELECT pg_catalog.quote_ident(t.tgname) || ' ON ' || pg_catalog.quote_ident(c.relname),
			    pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled::text, pg_catalog.quote_ident(c.relname),
			    pg_catalog.quote_ident(t.tgname)
			FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
			WHERE c.relnamespace = ?::regnamespace AND NOT t.tgisinternal ORDER BY t.oid
			""";

	/** Comments on the functions, views (and their columns) and triggers. */
	private static final String COMMENTS = """
			SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || pg_catalog.quote_ident(p.proname)
			    || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_proc p ON d.classoid = 'pg_catalog.pg_proc'::regclass
			  AND d.objoid = p.oid
			WHERE p.pronamespace = ?::regnamespace AND p.prokind IN ('f', 'p')
			UNION ALL
			SELECT CASE WHEN d.objsubid > 0 THEN 'COLUMN ' || pg_catalog.quote_ident(c.relname) || '.'
			    || pg_catalog.quote_ident(a.attname) ELSE 'VIEW ' || pg_catalog.quote_ident(c.relname) END, d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_class c ON d.classoid = 'pg_catalog.pg_class'::regclass
			  AND d.objoid = c.oid
			LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
			WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'v'
			UNION ALL
			SELECT 'TRIGGER ' || pg_catalog.quote_ident(t.tgname) || ' ON ' || pg_catalog.quote_ident(c.relname), d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_trigger t ON d.classoid = 'pg_catalog.pg_trigger'::regclass
			  AND d.objoid = t.oid
			JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
			WHERE c.relnamespace = ?::regnamespace AND NOT t.tgisinternal
			ORDER BY 1
			""";

	private final String beforeTables;

	private final String upgrade;

	private final String downgrade;

	private final String afterTables;

	private RoutinesAndViews(String beforeTables, String upgrade, String downgrade, String afterTables) {
		this.beforeTables = beforeTables;
		this.upgrade = upgrade;
		this.downgrade = downgrade;
		this.afterTables = afterTables;
	}

	/** Whether the schema has none of them. */
	boolean isEmpty() {
		return this.beforeTables.isEmpty() && this.upgrade.isEmpty();
	}

	/**
	 * The statements creating the functions that tables call (in a column default, a check, an index expression),
	 * and those functions need, before the tables; empty when there are none.
	 */
	String beforeTables() {
		return this.beforeTables;
	}

	/** The statements creating the others, after the tables; empty when there are none. */
	String upgrade() {
		return this.upgrade;
	}

	/** The statements dropping those {@link #upgrade()} creates, before the tables are dropped; empty when there are none. */
	String downgrade() {
		return this.downgrade;
	}

	/** The statements dropping those {@link #beforeTables()} creates, after the tables are dropped; empty when there are none. */
	String afterTables() {
		return this.afterTables;
	}

	/**
	 * Reads them from a schema.
	 * @param connection a session on the database; its {@code search_path} is set for the reading and reset after
	 * @param schema the schema
	 */
	static RoutinesAndViews read(Connection connection, String schema) throws SQLException {
		String quoted = PostgresIdentifiers.quote(schema);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET search_path TO " + quoted);
		}
		try {
			return read(connection, schema, quoted);
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET search_path");
			}
		}
	}

	private static RoutinesAndViews read(Connection connection, String schema, String quoted) throws SQLException {
		Map<Long, String[]> objects = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(OBJECTS)) {
			statement.setString(1, quoted);
			statement.setString(2, quoted);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					objects.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3),
							unqualified(rs.getString(4), schema, quoted) });
				}
			}
		}
		Map<Long, Set<Long>> needs = dependencies(connection, objects.keySet());
		Set<Long> early = neededByTables(connection, objects.keySet(), needs);
		StringBuilder before = new StringBuilder();
		StringBuilder upgrade = new StringBuilder();
		StringBuilder downgrade = new StringBuilder();
		StringBuilder after = new StringBuilder();
		List<Long> order = order(objects.keySet(), needs);
		for (long oid : order) {
			String definition = objects.get(oid)[2].strip();
			(early.contains(oid) ? before : upgrade).append(definition.endsWith(";") ? definition : definition + ";")
				.append("\n\n");
		}
		List<String> triggers = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(TRIGGERS)) {
			statement.setString(1, quoted);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					upgrade.append(unqualified(rs.getString(2), schema, quoted)).append(";\n");
					String enabled = switch (rs.getString(3)) {
						case "D" -> "DISABLE TRIGGER ";
						case "R" -> "ENABLE REPLICA TRIGGER ";
						case "A" -> "ENABLE ALWAYS TRIGGER ";
						default -> null;
					};
					if (enabled != null) {
						upgrade.append("ALTER TABLE ").append(rs.getString(4)).append(' ').append(enabled)
							.append(rs.getString(5)).append(";\n");
					}
					triggers.add(rs.getString(1));
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(COMMENTS)) {
			for (int i = 1; i <= 3; i++) {
				statement.setString(i, quoted);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					upgrade.append("COMMENT ON ").append(rs.getString(1)).append(" IS ")
						.append(PostgresIdentifiers.literal(rs.getString(2))).append(";\n");
				}
			}
		}
		for (int i = triggers.size() - 1; i >= 0; i--) {
			downgrade.append("DROP TRIGGER IF EXISTS ").append(triggers.get(i)).append(";\n");
		}
		for (int i = order.size() - 1; i >= 0; i--) {
			String[] object = objects.get(order.get(i));
			(early.contains(order.get(i)) ? after : downgrade).append("DROP ").append(object[0]).append(" IF EXISTS ")
				.append(object[1]).append(";\n");
		}
		return new RoutinesAndViews(before.toString().strip(), upgrade.toString().strip(), downgrade.toString().strip(),
				after.toString().strip());
	}

	/** The functions the tables call, with every object those need in turn. */
	private static Set<Long> neededByTables(Connection connection, Set<Long> oids, Map<Long, Set<Long>> needs)
			throws SQLException {
		Set<Long> early = new TreeSet<>();
		if (oids.isEmpty()) {
			return early;
		}
		List<Long> toVisit = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(NEEDED_BY_TABLES)) {
			while (rs.next()) {
				if (oids.contains(rs.getLong(1))) {
					toVisit.add(rs.getLong(1));
				}
			}
		}
		while (!toVisit.isEmpty()) {
			Long next = toVisit.remove(toVisit.size() - 1);
			if (early.add(next)) {
				toVisit.addAll(needs.getOrDefault(next, Set.of()));
			}
		}
		return early;
	}

	/** What depends on what among the objects (by oid), as the server records it. */
	private static Map<Long, Set<Long>> dependencies(Connection connection, Set<Long> oids) throws SQLException {
		Map<Long, Set<Long>> needs = new HashMap<>();
		if (oids.isEmpty()) {
			return needs;
		}
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(DEPENDENCIES)) {
			while (rs.next()) {
				long object = rs.getLong(1);
				long needed = rs.getLong(2);
				if (object != needed && oids.contains(object) && oids.contains(needed)) {
					needs.computeIfAbsent(object, (key) -> new TreeSet<>()).add(needed);
				}
			}
		}
		return needs;
	}

	/**
	 * The objects in an order where each comes after those it depends on; among those free to go, the one created
	 * first (lowest oid), which is how the history ran them.
	 */
	private static List<Long> order(Set<Long> oids, Map<Long, Set<Long>> needs) {
		List<Long> order = new ArrayList<>(oids.size());
		TreeSet<Long> left = new TreeSet<>(oids);
		while (!left.isEmpty()) {
			Long next = null;
			for (Long candidate : left) {
				Set<Long> required = needs.getOrDefault(candidate, Set.of());
				if (required.stream().noneMatch(left::contains)) {
					next = candidate;
					break;
				}
			}
			// a cycle the server allowed (functions calling each other): the order they were created in
			next = (next != null) ? next : left.first();
			left.remove(next);
			order.add(next);
		}
		return order;
	}

	/** A definition with the schema's name taken out, as {@link SchemaFingerprint} prints it. */
	static String unqualified(String definition, String schema, String quoted) {
		return (definition != null) ? definition.replace(quoted + ".", "").replace(schema + ".", "") : "";
	}

}
