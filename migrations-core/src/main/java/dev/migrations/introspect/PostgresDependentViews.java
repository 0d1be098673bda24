package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.MigrationsException;
import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.schema.View;

/**
 * The views and materialized views that read columns of a schema's tables, directly or through other views: what
 * PostgreSQL will not let a change alter the type of ({@code cannot alter type of a column used by a view or
 * rule}) until they are dropped, and what must be created again after, as the database defines them.
 */
public final class PostgresDependentViews {

	// the views whose rules read the columns given (table and column names as pairs), in any schema, and those naming
	// the enum type of the enum columns given (a constant 'OPEN'::status): a swapped type cannot be dropped under them
	private static final String READING = """
			SELECT DISTINCT v.oid::bigint, t.relname::text, a.attname::text
			FROM pg_catalog.pg_depend d
			JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
			JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
			JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
			JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
			JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
			WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
			  AND n.nspname = ? AND v.oid <> t.oid AND v.relkind IN ('v', 'm')
			  AND (t.relname::text, a.attname::text) IN (SELECT * FROM unnest(?::text[], ?::text[]))
			UNION
			SELECT DISTINCT v.oid::bigint, t.relname::text, a.attname::text
			FROM pg_catalog.pg_depend d
			JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
			JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
			JOIN pg_catalog.pg_type y ON d.refobjid IN (y.oid, y.typarray)
			JOIN pg_catalog.pg_attribute a ON a.atttypid IN (y.oid, y.typarray)
			JOIN pg_catalog.pg_class t ON t.oid = a.attrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
			WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_type'::regclass
			  AND y.typtype = 'e' AND n.nspname = ? AND v.oid <> t.oid AND v.relkind IN ('v', 'm') AND a.attnum > 0
			  AND (t.relname::text, a.attname::text) IN (SELECT * FROM unnest(?::text[], ?::text[]))
			ORDER BY 1, 2, 3""";

	// the views whose rules read the relations given
	private static final String READING_VIEWS = """
			SELECT DISTINCT d.refobjid::bigint, v.oid::bigint
			FROM pg_catalog.pg_depend d
			JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
			JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
			WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
			  AND d.refobjid = ANY (?::bigint[]::oid[]) AND v.oid <> d.refobjid AND v.relkind IN ('v', 'm')
			ORDER BY 1, 2""";

	// what else depends on the views given, their row types or their arrays (a function returning the row type, a
	// function with a SQL body reading the view, a rule of a table): PostgreSQL refuses to drop a view under them
	private static final String BLOCKING = """
			SELECT DISTINCT v.oid::bigint, pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
			FROM pg_catalog.pg_class v JOIN pg_catalog.pg_type t ON t.oid = v.reltype
			JOIN pg_catalog.pg_depend d ON (d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = v.oid)
			  OR (d.refclassid = 'pg_catalog.pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray))
			WHERE v.oid = ANY (?::bigint[]::oid[]) AND d.deptype = 'n'
			  AND NOT (d.classid = 'pg_catalog.pg_rewrite'::regclass AND EXISTS (SELECT FROM pg_catalog.pg_rewrite r
			    WHERE r.oid = d.objid AND r.ev_class = ANY (?::bigint[]::oid[])))
			  AND NOT (d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.typarray)
			ORDER BY 1, 2""";

	// one view: its name as a statement of the schema names it, whether materialized, the statement creating it,
	// and what the drop takes with it (comments, privileges granted to others on it and on its columns, its columns'
	// defaults, indexes, extended statistics, triggers, rules, owner)
	private static final String DEFINITION = """
			SELECT v.relkind = 'm', q.name,
			  pg_catalog.pg_get_viewdef(v.oid), v.reloptions::text[], v.relispopulated,
			  pg_catalog.obj_description(v.oid, 'pg_class'), pg_catalog.pg_get_userbyid(v.relowner),
			  ARRAY(SELECT format('COMMENT ON COLUMN %s.%I IS %L', q.name, a.attname, c.description)
			    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_description c
			      ON c.objoid = v.oid AND c.classoid = 'pg_catalog.pg_class'::regclass AND c.objsubid = a.attnum
			    WHERE a.attrelid = v.oid AND a.attnum > 0 ORDER BY a.attnum),
			  ARRAY(SELECT format('GRANT %s ON %s TO %s%s', g.privilege_type, q.name,
			      CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END,
			      CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
			    FROM aclexplode(v.relacl) g WHERE g.grantee <> v.relowner ORDER BY g.grantee, g.privilege_type),
			  ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index i
			    WHERE i.indrelid = v.oid ORDER BY i.indexrelid),
			  ARRAY(SELECT pg_catalog.pg_get_triggerdef(g.oid) FROM pg_catalog.pg_trigger g
			    WHERE g.tgrelid = v.oid AND NOT g.tgisinternal ORDER BY g.tgname),
			  ARRAY(SELECT pg_catalog.pg_get_ruledef(r.oid) FROM pg_catalog.pg_rewrite r
			    WHERE r.ev_class = v.oid AND r.rulename <> '_RETURN' ORDER BY r.rulename),
			  pg_catalog.pg_get_userbyid(v.relowner) = current_user, format('%I.%I', n.nspname, v.relname),
			  ARRAY(SELECT format('GRANT %s (%I) ON %s TO %s%s', g.privilege_type, a.attname, q.name,
			      CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END,
			      CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
			    FROM pg_catalog.pg_attribute a CROSS JOIN LATERAL aclexplode(a.attacl) g
			    WHERE a.attrelid = v.oid AND a.attnum > 0 AND g.grantee <> v.relowner
			    ORDER BY a.attnum, g.grantee, g.privilege_type),
			  ARRAY(SELECT format('ALTER VIEW %s ALTER COLUMN %I SET DEFAULT %s', q.name, a.attname,
			      pg_catalog.pg_get_expr(d.adbin, d.adrelid))
			    FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			    WHERE d.adrelid = v.oid ORDER BY d.adnum),
			  ARRAY(SELECT CASE WHEN s.stxnamespace = v.relnamespace AND q.name = format('%I', v.relname)
			      THEN replace(pg_catalog.pg_get_statisticsobjdef(s.oid),
			        'CREATE STATISTICS ' || format('%I.%I', n.nspname, s.stxname), 'CREATE STATISTICS ' || format('%I', s.stxname))
			      ELSE pg_catalog.pg_get_statisticsobjdef(s.oid) END
			    FROM pg_catalog.pg_statistic_ext s WHERE s.stxrelid = v.oid ORDER BY s.stxname)
			FROM pg_catalog.pg_class v JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
			CROSS JOIN LATERAL (SELECT CASE WHEN n.nspname = ? THEN format('%I', v.relname)
			  ELSE format('%I.%I', n.nspname, v.relname) END AS name) q
			WHERE v.oid = ?::bigint::oid""";

	private PostgresDependentViews() {
	}

	/**
	 * The views reading the columns given, and the views reading those, in the order they are dropped (a view
	 * before the views it reads); each created again in the reverse order.
	 * @param connection a connection to the database
	 * @param schema the schema of the tables
	 * @param columns the columns, as {@code table.column} of the schema
	 * @return the views to rebuild, each with the columns (of those given) it reads directly or through others
	 */
	public static List<View> reading(Connection connection, String schema, Collection<String> columns) {
		return reading(connection, schema, columns, List.of());
	}

	/**
	 * The views reading the columns given, and those naming the enum type of a column whose type is swapped for
	 * another (PostgreSQL cannot drop the old type under them), with the views reading those.
	 * @param connection a connection to the database
	 * @param schema the schema of the tables
	 * @param columns the columns, as {@code table.column} of the schema
	 * @param enumColumns those of the columns whose enum type is swapped for another
	 * @return the views to rebuild, each with the columns (of those given) it reads or whose type it names, directly
	 *         or through others
	 */
	public static List<View> reading(Connection connection, String schema, Collection<String> columns,
			Collection<String> enumColumns) {
		if (columns.isEmpty()) {
			return List.of();
		}
		try {
			// the direct readers, with the columns each reads
			Map<Long, Set<String>> reads = new LinkedHashMap<>();
			List<String> tables = new ArrayList<>();
			List<String> names = new ArrayList<>();
			for (String column : columns) {
				int dot = column.lastIndexOf('.');
				tables.add(column.substring(0, dot));
				names.add(column.substring(dot + 1));
			}
			try (PreparedStatement statement = connection.prepareStatement(READING)) {
				statement.setString(1, schema);
				statement.setArray(2, connection.createArrayOf("text", tables.toArray()));
				statement.setArray(3, connection.createArrayOf("text", names.toArray()));
				List<String> enumTables = new ArrayList<>();
				List<String> enumNames = new ArrayList<>();
				for (String column : enumColumns) {
					int dot = column.lastIndexOf('.');
					enumTables.add(column.substring(0, dot));
					enumNames.add(column.substring(dot + 1));
				}
				statement.setString(4, schema);
				statement.setArray(5, connection.createArrayOf("text", enumTables.toArray()));
				statement.setArray(6, connection.createArrayOf("text", enumNames.toArray()));
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						reads.computeIfAbsent(rows.getLong(1), (oid) -> new LinkedHashSet<>())
							.add(rows.getString(2) + "." + rows.getString(3));
					}
				}
			}
			if (reads.isEmpty()) {
				return List.of();
			}
			// the views reading those, level by level, each inheriting the columns of what it reads
			Map<Long, Set<Long>> readers = new LinkedHashMap<>();
			Set<Long> level = new LinkedHashSet<>(reads.keySet());
			Set<Long> seen = new HashSet<>(level);
			while (!level.isEmpty()) {
				Set<Long> next = new LinkedHashSet<>();
				try (PreparedStatement statement = connection.prepareStatement(READING_VIEWS)) {
					statement.setArray(1, connection.createArrayOf("bigint", level.toArray()));
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							long read = rows.getLong(1);
							long reader = rows.getLong(2);
							readers.computeIfAbsent(read, (oid) -> new LinkedHashSet<>()).add(reader);
							if (seen.add(reader)) {
								next.add(reader);
							}
						}
					}
				}
				level = next;
			}
			// dropped readers first: a view goes after every view reading it
			List<Long> dropOrder = new ArrayList<>();
			Set<Long> placed = new HashSet<>();
			for (Long oid : reads.keySet()) {
				place(oid, readers, placed, dropOrder);
			}
			Map<Long, Set<String>> columnsOf = new LinkedHashMap<>();
			for (int i = dropOrder.size() - 1; i >= 0; i--) {
				long oid = dropOrder.get(i);
				Set<String> own = columnsOf.computeIfAbsent(oid, (key) -> new LinkedHashSet<>());
				own.addAll(reads.getOrDefault(oid, Set.of()));
				for (Long reader : readers.getOrDefault(oid, Set.of())) {
					columnsOf.computeIfAbsent(reader, (key) -> new LinkedHashSet<>()).addAll(own);
				}
			}
			List<View> views = new ArrayList<>();
			String searchPath = searchPath(connection);
			try {
				// the definitions name the schema's objects unqualified, as the revisions (run in it) do
				setSearchPath(connection, "pg_catalog.quote_ident(?)", schema);
				Map<Long, List<String>> blocking = new LinkedHashMap<>();
				try (PreparedStatement statement = connection.prepareStatement(BLOCKING)) {
					statement.setArray(1, connection.createArrayOf("bigint", dropOrder.toArray()));
					statement.setArray(2, connection.createArrayOf("bigint", dropOrder.toArray()));
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							blocking.computeIfAbsent(rows.getLong(1), (oid) -> new ArrayList<>()).add(rows.getString(2));
						}
					}
				}
				Set<Long> ofTheSchema = inSchema(connection, dropOrder, schema);
				boolean own = true;
				for (Long oid : dropOrder) {
					// a view of another schema names every relation qualified: the revision runs in the compared schema
					// (in each tenant's, with tenants), where an unqualified name would read another table than it does
					boolean inSchema = ofTheSchema.contains(oid);
					if (inSchema != own) {
						setSearchPath(connection, inSchema ? "pg_catalog.quote_ident(?)" : "?", inSchema ? schema : "");
						own = inSchema;
					}
					views.add(definition(connection, schema, oid, columnsOf.get(oid), blocking.getOrDefault(oid, List.of())));
				}
			}
			finally {
				setSearchPath(connection, "?", searchPath);
			}
			return views;
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the views reading the columns of schema " + schema
					+ " that the change alters: " + ex.getMessage(), ex);
		}
	}

	private static void place(Long oid, Map<Long, Set<Long>> readers, Set<Long> placed, List<Long> order) {
		if (!placed.add(oid)) {
			return;
		}
		for (Long reader : readers.getOrDefault(oid, Set.of())) {
			place(reader, readers, placed, order);
		}
		order.add(oid);
	}

	private static String searchPath(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
			rows.next();
			return rows.getString(1);
		}
	}

	// the views among those given that live in the schema
	private static Set<Long> inSchema(Connection connection, List<Long> views, String schema) throws SQLException {
		Set<Long> found = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT v.oid::bigint FROM pg_catalog.pg_class v"
				+ " JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace"
				+ " WHERE v.oid = ANY (?::bigint[]::oid[]) AND n.nspname = ?")) {
			statement.setArray(1, connection.createArrayOf("bigint", views.toArray()));
			statement.setString(2, schema);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					found.add(rows.getLong(1));
				}
			}
		}
		return found;
	}

	private static void setSearchPath(Connection connection, String value, String argument) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_catalog.set_config('search_path', " + value + ", false)")) {
			statement.setString(1, argument);
			statement.executeQuery().close();
		}
	}

	private static View definition(Connection connection, String schema, long oid, Set<String> columns,
			List<String> blockedBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(DEFINITION)) {
			statement.setString(1, schema);
			statement.setLong(2, oid);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				boolean materialized = row.getBoolean(1);
				String name = row.getString(2);
				String definition = row.getString(3).strip();
				if (definition.endsWith(";")) {
					definition = definition.substring(0, definition.length() - 1);
				}
				String[] options = (String[]) ((row.getArray(4) != null) ? row.getArray(4).getArray() : new String[0]);
				StringBuilder create = new StringBuilder(materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ")
					.append(name);
				if (options.length > 0) {
					create.append(" WITH (").append(String.join(", ", options)).append(')');
				}
				create.append(" AS\n").append(definition);
				if (materialized) {
					create.append(row.getBoolean(5) ? "\nWITH DATA" : "\nWITH NO DATA");
				}
				List<String> after = new ArrayList<>();
				String kind = materialized ? "MATERIALIZED VIEW " : "VIEW ";
				if (!row.getBoolean(13)) {
					after.add("ALTER " + kind + name + " OWNER TO " + PostgresIdentifiers.quote(row.getString(7)));
				}
				String comment = row.getString(6);
				if (comment != null) {
					after.add("COMMENT ON " + kind + name + " IS '" + comment.replace("'", "''") + "'");
				}
				for (int column : new int[] { 8, 9, 15, 16, 10, 17, 11, 12 }) {
					for (String sql : (String[]) row.getArray(column).getArray()) {
						sql = sql.strip();
						if (sql.endsWith(";")) {
							sql = sql.substring(0, sql.length() - 1);
						}
						if ((column >= 10 && column <= 12 || column == 17) && !name.equals(row.getString(14))) {
							// the server names the view qualified in these: in the schema the revisions run in, it is not
							String qualified = row.getString(14);
							sql = sql.replace(" ON " + qualified + " ", " ON " + name + " ")
								.replace(" TO " + qualified + " ", " TO " + name + " ");
							if (sql.endsWith(" FROM " + qualified)) {
								sql = sql.substring(0, sql.length() - qualified.length()) + name;
							}
						}
						after.add(sql);
					}
				}
				return new View(name, materialized, create.toString(), after, columns, blockedBy);
			}
		}
	}

}
