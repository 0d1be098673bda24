package dev.migrations.squash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.migrations.dialect.PostgresIdentifiers;

/**
 * A schema's objects as the server itself prints them ({@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code format_type}, the catalogs' flags), one line per object: what the
 * schema model leaves out shows here too (exclusion constraints, {@code DEFERRABLE}, {@code MATCH
 * FULL}, {@code NOT VALID}, {@code NULLS NOT DISTINCT}, collations, identity and
 * sequence options, storage settings, inheritance, unlogged tables, index options, extended
 * statistics, comments on constraints, indexes and types), and the functions, procedures, views (with
 * their columns' defaults) and triggers a squash writes again ({@link RoutinesAndViews}). A squash whose schema does not print
 * the same as its history's loses something, and is refused. Privileges are left out: a squash does
 * not carry them, as documented.
 */
final class SchemaFingerprint {

	private static final String OBJECTS = """
			SELECT 'table', c.relname::text, c.relname::text, concat_ws(' ', 'persistence ' || c.relpersistence::text,
			    'options ' || c.reloptions::text, 'replica identity ' || c.relreplident::text,
			    CASE WHEN c.relrowsecurity THEN 'row security' END, CASE WHEN c.relforcerowsecurity THEN 'forced' END,
			    (SELECT 'inherits ' || string_agg(p.relname::text, ', ' ORDER BY i.inhseqno)
			     FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid),
			    (SELECT 'access method ' || am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam))
			FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'r'
			UNION ALL
			SELECT 'column', c.relname::text, c.relname || '.' || a.attname, concat_ws(' ',
			    pg_catalog.format_type(a.atttypid, a.atttypmod),
			    CASE WHEN a.attcollation <> t.typcollation THEN 'collate ' || co.collname END,
			    CASE WHEN a.attnotnull THEN 'not null' END,
			    CASE WHEN a.attgenerated <> '' THEN 'generated ' || a.attgenerated::text || ' as ' ELSE 'default ' END
			      || pg_catalog.pg_get_expr(d.adbin, d.adrelid),
			    CASE WHEN a.attidentity <> '' THEN 'identity ' || a.attidentity::text || (SELECT ' start ' || s.seqstart
			      || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cache ' || s.seqcache
			      || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
			      FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
			      WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
			        AND dep.deptype = 'i') END,
			    CASE WHEN a.attstorage <> t.typstorage THEN 'storage ' || a.attstorage::text END,
			    CASE WHEN a.attstattarget > 0 THEN 'statistics ' || a.attstattarget END)
			FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
			JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
			LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
			LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
			UNION ALL
			SELECT 'constraint', c.relname::text, con.conname || ' on ' || c.relname, pg_catalog.pg_get_constraintdef(con.oid)
			FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
			WHERE c.relnamespace = ?::regnamespace
			UNION ALL
			SELECT 'index', t.relname::text, i.relname::text, pg_catalog.pg_get_indexdef(x.indexrelid)
			    || CASE WHEN x.indisclustered THEN ' (clustered on)' ELSE '' END
			FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
			JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
			WHERE i.relnamespace = ?::regnamespace
			UNION ALL
			SELECT 'sequence', c.relname::text, c.relname::text, concat_ws(' ', pg_catalog.format_type(s.seqtypid, NULL),
			    'start ' || s.seqstart, 'increment ' || s.seqincrement, 'min ' || s.seqmin, 'max ' || s.seqmax,
			    'cache ' || s.seqcache, CASE WHEN s.seqcycle THEN 'cycle' END,
			    (SELECT 'owned by ' || oc.relname || '.' || oa.attname FROM pg_catalog.pg_depend dep
			     JOIN pg_catalog.pg_class oc ON oc.oid = dep.refobjid
			     JOIN pg_catalog.pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
			     WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'a'))
			FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
			WHERE c.relnamespace = ?::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
			    WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'i')
			UNION ALL
			SELECT 'comment', c.relname::text, 'on ' || CASE WHEN d.objsubid > 0 THEN 'column ' || c.relname || '.'
			    || a.attname ELSE c.relname::text END, d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_class c ON d.classoid = 'pg_catalog.pg_class'::regclass
			  AND d.objoid = c.oid
			LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
			WHERE c.relnamespace = ?::regnamespace
			UNION ALL
			SELECT 'comment', coalesce(c.relname::text, ''), 'on constraint ' || con.conname || coalesce(' on ' || c.relname, ''),
			    d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_constraint con
			  ON d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objoid = con.oid
			LEFT JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
			WHERE con.connamespace = ?::regnamespace
			UNION ALL
			SELECT 'comment', '', 'on type ' || t.typname, d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_type t ON d.classoid = 'pg_catalog.pg_type'::regclass
			  AND d.objoid = t.oid
			WHERE t.typnamespace = ?::regnamespace
			UNION ALL
			SELECT 'type', '', t.typname::text, string_agg(e.enumlabel::text, ', ' ORDER BY e.enumsortorder)
			FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
			WHERE t.typnamespace = ?::regnamespace GROUP BY t.typname
			UNION ALL
			SELECT 'statistics', '', s.stxname::text, pg_catalog.pg_get_statisticsobjdef(s.oid)
			FROM pg_catalog.pg_statistic_ext s WHERE s.stxnamespace = ?::regnamespace
			UNION ALL
			SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, '',
			    p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
			    pg_catalog.pg_get_functiondef(p.oid)
			FROM pg_catalog.pg_proc p WHERE p.pronamespace = ?::regnamespace AND p.prokind IN ('f', 'p')
			UNION ALL
			SELECT 'comment', '', 'on routine ' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid)
			    || ')', d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_proc p ON d.classoid = 'pg_catalog.pg_proc'::regclass
			  AND d.objoid = p.oid
			WHERE p.pronamespace = ?::regnamespace
			UNION ALL
			SELECT 'view', c.relname::text, c.relname::text, concat_ws(' ', 'options ' || c.reloptions::text,
			    pg_catalog.pg_get_viewdef(c.oid),
			    (SELECT 'defaults ' || string_agg(a.attname || ' ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), ', '
			      ORDER BY a.attnum)
			     FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			     WHERE d.adrelid = c.oid))
			FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'v'
			UNION ALL
			SELECT 'trigger', c.relname::text, t.tgname || ' on ' || c.relname, pg_catalog.pg_get_triggerdef(t.oid)
			    || ' (enabled ' || t.tgenabled::text || ')'
			FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
			WHERE c.relnamespace = ?::regnamespace AND NOT t.tgisinternal
			UNION ALL
			SELECT 'comment', c.relname::text, 'on trigger ' || t.tgname || ' on ' || c.relname, d.description
			FROM pg_catalog.pg_description d JOIN pg_catalog.pg_trigger t ON d.classoid = 'pg_catalog.pg_trigger'::regclass
			  AND d.objoid = t.oid
			JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
			WHERE c.relnamespace = ?::regnamespace AND NOT t.tgisinternal
			""";

	private static final int SCHEMA_PARAMETERS = 15;

	private SchemaFingerprint() {
	}

	/**
	 * @param connection a session on the database
	 * @param schema the schema to read
	 * @param versionTable the version table's name: its tables and what belongs to them are left out
	 * @return each object ({@code "index ix_item_v"}) and its definition, with the schema's name taken
	 *         out of the definitions so that two schemas compare
	 */
	static Map<String, String> read(Connection connection, String schema, String versionTable) throws SQLException {
		Map<String, String> objects = new TreeMap<>();
		String quoted = PostgresIdentifiers.quote(schema);
		try (PreparedStatement statement = connection.prepareStatement(OBJECTS)) {
			for (int i = 1; i <= SCHEMA_PARAMETERS; i++) {
				statement.setString(i, quoted);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(2);
					String name = rs.getString(3);
					if (table.startsWith(versionTable) || name.startsWith(versionTable)) {
						continue;
					}
					String definition = Objects.toString(rs.getString(4), "");
					// a routine's arguments of the schema's own types are printed qualified
					objects.put(rs.getString(1) + " " + RoutinesAndViews.unqualified(name, schema, quoted),
							RoutinesAndViews.unqualified(definition, schema, quoted));
				}
			}
		}
		return objects;
	}

	/**
	 * What {@code expected} holds that {@code actual} does not, or holds otherwise, one line each:
	 * {@code index ix_item_v: CREATE INDEX ... (the squash builds: ...)}.
	 */
	static List<String> lost(Map<String, String> expected, Map<String, String> actual) {
		List<String> lost = new ArrayList<>();
		expected.forEach((object, definition) -> {
			String rebuilt = actual.get(object);
			if (rebuilt == null) {
				lost.add(object + (definition.isEmpty() ? "" : ": " + definition) + " (the squash does not build it)");
			}
			else if (!rebuilt.equals(definition)) {
				lost.add(object + ": " + definition + " (the squash builds: " + rebuilt + ")");
			}
		});
		actual.forEach((object, definition) -> {
			if (!expected.containsKey(object)) {
				lost.add(object + (definition.isEmpty() ? "" : ": " + definition) + " (built by the squash, not by the history)");
			}
		});
		return lost;
	}

}
