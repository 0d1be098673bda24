package dev.migrations.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumCast;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} in seven statements, whatever the number of
 * tables: one that scopes the session, then one each for tables, columns, constraints, indexes,
 * sequences and enum types.
 *
 * <h2>What the model holds</h2>
 * <ul>
 * <li>Tables: ordinary and partitioned tables ({@code relkind} {@code r}, {@code p}); partitions,
 * views, foreign tables and tables that belong to an extension are left out.</li>
 * <li>Columns in ordinal order, dropped ones skipped. {@code type} is {@code format_type}, the
 * default is {@code pg_get_expr(adbin, adrelid)}. Identity columns have no default; serial columns
 * keep {@code nextval('t_id_seq'::regclass)}. A stored generated column's expression is not a default:
 * its default reads as {@code null} and the expression ({@code pg_get_expr}) is its {@code generated}.</li>
 * <li>Primary keys, unique constraints, foreign keys (columns in key order, actions from
 * {@code confdeltype}/{@code confupdtype}) and check constraints; NOT NULL is nullability, not a
 * check, and a check's expression is {@code pg_get_constraintdef(oid, true)} without
 * {@code CHECK (...)} and without a {@code NOT VALID} or {@code NO INHERIT} suffix.</li>
 * <li>Indexes, except those backing a primary key, unique or exclusion constraint. A unique
 * constraint is a {@link UniqueConstraint}; a {@code CREATE UNIQUE INDEX} is an {@link Index} with
 * {@code unique} set. Each element is {@code pg_get_indexdef(indexrelid, k, true)}, an SQL
 * fragment with identifiers quoted where needed ({@code "Order"}, {@code lower(email::text)},
 * {@code (a + b)}), followed by what that function leaves out: {@code COLLATE} when it differs
 * from the key's, a non-default operator class, {@code DESC} and a non-default {@code NULLS}
 * order. {@code where} is the partial-index predicate, pretty-printed; {@code include} holds
 * plain column names.</li>
 * <li>Sequences: only stand-alone ones. A sequence owned by a column is part of that column and is
 * left out: identity sequences (dependency type {@code i}), and also sequences owned through
 * {@code OWNED BY}, which is what {@code serial} creates (dependency type {@code a}); a serial
 * column still shows its sequence in its default.</li>
 * <li>Enum types with their labels in {@code enumsortorder}, and the casts between them and other
 * types made {@code WITH INOUT} (those Hibernate creates); casts through a function are not read.</li>
 * <li>Table and column comments.</li>
 * </ul>
 *
 * <h2>Names and qualification</h2>
 * Object names are exactly as the catalog stores them ({@code user}, {@code Order}). Text the
 * server prints (types, defaults, checks, index elements) is printed while the introspected
 * schema is the only schema on the {@code search_path} (besides {@code pg_catalog}, and the session's
 * temporary schema, listed last so that it is not searched first), so objects of
 * the introspected schema appear unqualified ({@code mood}, {@code 'ok'::mood},
 * {@code nextval('t_id_seq'::regclass)}), and objects of any other schema qualified
 * ({@code public.citext}) whatever the connection's own {@code search_path}. The same schema
 * therefore reads the same under any name, which lets a scratch copy be compared with the
 * original. Type names are quoted where {@code format_type} quotes them ({@code "Mood"}), while
 * {@link EnumType#name()} is the stored name ({@code Mood}).
 *
 * <h2>Session</h2>
 * The {@code search_path} is changed with {@code set_config(..., true)} inside a transaction that
 * is rolled back at the end: a transaction of its own when the connection is in auto-commit mode,
 * otherwise a savepoint inside the caller's transaction (so uncommitted DDL of that transaction is
 * seen, and a failed introspection leaves the caller's transaction usable).
 * <p>
 * Needs PostgreSQL 12 or later (generated columns, {@code indnkeyatts}, {@code conparentid}).
 */
public final class PostgresIntrospector implements SchemaIntrospector {

	// the schema, then the session's temporary schema (which is searched first unless listed); for the
	// temporary schema itself, pg_catalog first, as it comes first for any other schema
	// A schema whose objects read unqualified besides the introspected one's comes last (see
	// introspect(Connection, String, String, Predicate)).
	private static final String SCOPE_SESSION = """
			SELECT pg_catalog.set_config('search_path',
				CASE WHEN s.name = (SELECT nspname::text FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema())
					THEN 'pg_catalog, pg_temp' ELSE pg_catalog.quote_ident(s.name) || ', pg_temp' END
				|| COALESCE(', ' || pg_catalog.quote_ident(s.visible), ''), true)
			FROM (SELECT ?::text AS name, ?::text AS visible) s""";

	private static final String INCLUDED_TABLE = """
			c.relkind IN ('r', 'p') AND NOT c.relispartition
			AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
				WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')""";

	private static final String TABLES = """
			SELECT c.oid AS table_oid, c.relname::text AS table_name, d.description
			FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid
				AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
			WHERE n.nspname = ? AND\s""" + INCLUDED_TABLE;

	private static final String COLUMNS = """
			SELECT a.attrelid AS table_oid, a.attname::text AS column_name,
				pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type,
				a.attnotnull AS not_null, a.attidentity AS identity,
				CASE WHEN a.attgenerated = '' AND a.attidentity = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END
					AS default_expression,
				CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generation_expression,
				d.description
			FROM pg_catalog.pg_attribute a
			JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid
				AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
			WHERE n.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped AND\s""" + INCLUDED_TABLE + """

			ORDER BY a.attrelid, a.attnum""";

	// a key's column names looked up one by one on (attrelid, attnum): joined, the planner reads every column of
	// the table for each constraint (a third of this query's server time with 500 tables).
	// conparentid <> 0 are the per-partition copies PostgreSQL adds for a foreign key that
	// references a partitioned table; the user declared only the parent.
	private static final String CONSTRAINTS = """
			SELECT con.conrelid AS table_oid, con.conname::text AS constraint_name, con.contype AS constraint_type,
				ARRAY(SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a
						WHERE a.attrelid = con.conrelid AND a.attnum = k.attnum)
					FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) ORDER BY k.ord) AS columns,
				rn.nspname::text AS referenced_schema, rc.relname::text AS referenced_table,
				ARRAY(SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a
						WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum)
					FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord) ORDER BY k.ord) AS referenced_columns,
				con.confdeltype AS on_delete, con.confupdtype AS on_update,
				CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END AS definition
			FROM pg_catalog.pg_constraint con
			JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
			LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
			WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0
				AND\s""" + INCLUDED_TABLE;

	// pg_get_indexdef(oid, k, true) prints the key alone: no COLLATE, operator class, DESC or
	// NULLS. They are added here the way the whole-index form would print them. The collation of
	// an expression key is compared with its type's default, an approximation of the server's
	// expression collation that at worst adds a redundant COLLATE.
	private static final String INDEXES = """
			SELECT i.indrelid AS table_oid, ic.relname::text AS index_name, am.amname::text AS method,
				i.indisunique AS is_unique,
				ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
						|| CASE WHEN coll.oid IS NOT NULL
								AND coll.oid <> COALESCE(ta.attcollation, kt.typcollation, 0)
							THEN ' COLLATE ' || CASE WHEN pg_catalog.pg_collation_is_visible(coll.oid)
								THEN pg_catalog.quote_ident(coll.collname)
								ELSE pg_catalog.quote_ident(colln.nspname) || '.' || pg_catalog.quote_ident(coll.collname) END
							ELSE '' END
						|| CASE WHEN opc.oid IS NOT NULL AND NOT opc.opcdefault
							THEN ' ' || CASE WHEN pg_catalog.pg_opclass_is_visible(opc.oid)
								THEN pg_catalog.quote_ident(opc.opcname)
								ELSE pg_catalog.quote_ident(opcn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) END
							ELSE '' END
						|| CASE WHEN (i.indoption[k - 1] & 1) <> 0 THEN ' DESC' ELSE '' END
						|| CASE WHEN (i.indoption[k - 1] & 1) <> 0 AND (i.indoption[k - 1] & 2) = 0 THEN ' NULLS LAST'
							WHEN (i.indoption[k - 1] & 1) = 0 AND (i.indoption[k - 1] & 2) <> 0 THEN ' NULLS FIRST'
							ELSE '' END
					FROM pg_catalog.generate_series(1, i.indnkeyatts) AS k
					LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k - 1]
					LEFT JOIN pg_catalog.pg_attribute ka ON ka.attrelid = i.indexrelid AND ka.attnum = k
					LEFT JOIN pg_catalog.pg_type kt ON kt.oid = ka.atttypid
					LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = i.indcollation[k - 1]
					LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
					LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k - 1]
					LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
					ORDER BY k) AS elements,
				ARRAY(SELECT a.attname::text FROM pg_catalog.generate_series(i.indnkeyatts + 1, i.indnatts) AS k
					JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
					ORDER BY k) AS include,
				pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate
			FROM pg_catalog.pg_index i
			JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
			JOIN pg_catalog.pg_am am ON am.oid = ic.relam
			JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND\s""" + INCLUDED_TABLE + """

				AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
					WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))""";

	private static final String SEQUENCES = """
			SELECT c.relname::text AS sequence_name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
				s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
			FROM pg_catalog.pg_sequence s
			JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ?
				AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
					WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid
						AND (x.deptype = 'e' OR (x.deptype IN ('a', 'i')
							AND x.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass)))""";

	private static final String ENUM_TYPES = """
			SELECT t.typname::text AS type_name,
				ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
					WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
				ARRAY(SELECT c.castcontext::text || CASE WHEN c.casttarget = t.oid THEN '>' ELSE '<' END
						|| pg_catalog.format_type(CASE WHEN c.casttarget = t.oid THEN c.castsource ELSE c.casttarget END, NULL)
					FROM pg_catalog.pg_cast c
					WHERE (c.castsource = t.oid OR c.casttarget = t.oid) AND c.castmethod = 'i'
					ORDER BY c.casttarget = t.oid,
						pg_catalog.format_type(CASE WHEN c.casttarget = t.oid THEN c.castsource ELSE c.casttarget END, NULL)) AS casts
			FROM pg_catalog.pg_type t
			JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = ? AND t.typtype = 'e'
				AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
					WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')""";

	private volatile int lastQueryCount;

	@Override
	public int lastQueryCount() {
		return this.lastQueryCount;
	}

	@Override
	public SchemaModel introspect(Connection connection, String schema, Predicate<String> includeTable) {
		return introspect(connection, schema, null, includeTable);
	}

	/**
	 * Reads {@code schema} as {@link #introspect(Connection, String, Predicate)} does, with the objects of
	 * {@code visibleSchema} (searched after {@code schema}) printed unqualified too, as they are when that
	 * schema is the one introspected: a scratch copy of the entities' DDL reads its {@code citext} column,
	 * whose extension is installed in the compared schema, as {@code citext} rather than {@code public.citext}.
	 * @param connection an open connection
	 * @param schema the schema to read
	 * @param visibleSchema a schema whose objects are not qualified either, {@code null} for none
	 * @param includeTable which tables to read, by name
	 * @return the schema model
	 */
	public SchemaModel introspect(Connection connection, String schema, String visibleSchema,
			Predicate<String> includeTable) {
		Objects.requireNonNull(connection, "connection");
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(includeTable, "includeTable");
		Reader reader = new Reader(connection, schema, visibleSchema, includeTable);
		try {
			return reader.readScoped();
		}
		finally {
			this.lastQueryCount = reader.queries;
		}
	}

	/** One introspection: the connection, the schema and what has been read so far. */
	private static final class Reader {

		private final Connection connection;

		private final String schema;

		private final Predicate<String> includeTable;

		private final Map<Long, TableParts> tables = new HashMap<>();

		private int queries;

		private String currentQuery = "transaction setup";

		private final String visibleSchema;

		Reader(Connection connection, String schema, String visibleSchema, Predicate<String> includeTable) {
			this.connection = connection;
			this.schema = schema;
			this.visibleSchema = visibleSchema;
			this.includeTable = includeTable;
		}

		SchemaModel readScoped() {
			boolean autoCommit;
			Savepoint savepoint;
			try {
				autoCommit = this.connection.getAutoCommit();
				if (autoCommit) {
					this.connection.setAutoCommit(false);
					savepoint = null;
				}
				else {
					savepoint = this.connection.setSavepoint();
				}
			}
			catch (SQLException ex) {
				throw failure(ex);
			}
			Throwable failure = null;
			try {
				return read();
			}
			catch (SQLException ex) {
				failure = failure(ex);
				throw (SchemaIntrospectionException) failure;
			}
			catch (RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				// Only reads happened: rolling back discards nothing but the search_path change.
				try {
					if (autoCommit) {
						try {
							this.connection.rollback();
						}
						finally {
							this.connection.setAutoCommit(true);
						}
					}
					else {
						this.connection.rollback(savepoint);
						this.connection.releaseSavepoint(savepoint);
					}
				}
				catch (SQLException ex) {
					if (failure != null) {
						failure.addSuppressed(ex);
					}
					else {
						throw new SchemaIntrospectionException("Could not restore the connection after reading schema '"
								+ this.schema + "': " + ex.getMessage()
								+ ". The schema was read; discard this connection rather than reuse it.", ex);
					}
				}
			}
		}

		private SchemaIntrospectionException failure(SQLException ex) {
			return new SchemaIntrospectionException("Could not read schema '" + this.schema
					+ "' from the PostgreSQL catalog (" + this.currentQuery + "): " + ex.getMessage()
					+ ". Check that the connection is open and its user may read pg_catalog.", ex);
		}

		private SchemaModel read() throws SQLException {
			query("search_path", SCOPE_SESSION, (rs) -> {
			});
			query("tables", TABLES, this::readTable);
			query("columns", COLUMNS, this::readColumn);
			query("constraints", CONSTRAINTS, this::readConstraint);
			query("indexes", INDEXES, this::readIndex);
			List<Sequence> sequences = new ArrayList<>();
			query("sequences", SEQUENCES, (rs) -> sequences.add(readSequence(rs)));
			List<EnumType> enumTypes = new ArrayList<>();
			query("enum types", ENUM_TYPES,
					(rs) -> enumTypes.add(new EnumType(rs.getString("type_name"), strings(rs, "labels"), casts(rs))));
			List<Table> tables = this.tables.values().stream().map(TableParts::toTable).sorted(byName(Table::name))
				.toList();
			sequences.sort(byName(Sequence::name));
			enumTypes.sort(byName(EnumType::name));
			return new SchemaModel(this.schema, tables, sequences, enumTypes);
		}

		private void query(String description, String sql, TableParts.RowHandler handler) throws SQLException {
			this.currentQuery = description + " query";
			this.queries++;
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				statement.setString(1, this.schema);
				if (sql == SCOPE_SESSION) {
					statement.setString(2, this.visibleSchema);
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						handler.handle(rs);
					}
				}
			}
		}

		private void readTable(ResultSet rs) throws SQLException {
			String name = rs.getString("table_name");
			if (this.includeTable.test(name)) {
				this.tables.put(rs.getLong("table_oid"), new TableParts(name, rs.getString("description")));
			}
		}

		// Rows of tables that were excluded, or created after the tables query ran, have no parts.
		private TableParts table(ResultSet rs) throws SQLException {
			return this.tables.get(rs.getLong("table_oid"));
		}

		private void readColumn(ResultSet rs) throws SQLException {
			TableParts table = table(rs);
			if (table == null) {
				return;
			}
			Column.Identity identity = switch (rs.getString("identity")) {
				case "a" -> Column.Identity.ALWAYS;
				case "d" -> Column.Identity.BY_DEFAULT;
				default -> null;
			};
			table.columns.add(new Column(rs.getString("column_name"), rs.getString("column_type"),
					!rs.getBoolean("not_null"), rs.getString("default_expression"), identity,
					rs.getString("description"), rs.getString("generation_expression")));
		}

		private void readConstraint(ResultSet rs) throws SQLException {
			TableParts table = table(rs);
			if (table == null) {
				return;
			}
			String name = rs.getString("constraint_name");
			switch (rs.getString("constraint_type")) {
				case "p" -> table.primaryKey = new PrimaryKey(name, strings(rs, "columns"));
				case "u" -> table.uniqueConstraints.add(new UniqueConstraint(name, strings(rs, "columns")));
				case "c" -> table.checks.add(new CheckConstraint(name, checkExpression(rs.getString("definition"))));
				case "f" -> {
					String referencedSchema = rs.getString("referenced_schema");
					table.foreignKeys.add(new ForeignKey(name, strings(rs, "columns"),
							this.schema.equals(referencedSchema) ? null : referencedSchema,
							rs.getString("referenced_table"), strings(rs, "referenced_columns"),
							action(rs.getString("on_delete")), action(rs.getString("on_update"))));
				}
				default -> throw new IllegalStateException("Unexpected constraint type in " + name);
			}
		}

		private void readIndex(ResultSet rs) throws SQLException {
			TableParts table = table(rs);
			if (table == null) {
				return;
			}
			table.indexes.add(new Index(rs.getString("index_name"), strings(rs, "elements"), rs.getBoolean("is_unique"),
					rs.getString("method"), rs.getString("predicate"), strings(rs, "include")));
		}

		private static Sequence readSequence(ResultSet rs) throws SQLException {
			return new Sequence(rs.getString("sequence_name"), rs.getString("data_type"), rs.getLong("seqstart"),
					rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
					rs.getBoolean("seqcycle"));
		}

		private static List<String> strings(ResultSet rs, String column) throws SQLException {
			Array array = rs.getArray(column);
			if (array == null) {
				return List.of();
			}
			try {
				return List.of((String[]) array.getArray());
			}
			finally {
				array.free();
			}
		}

		/** Each cast is read as its context code, {@code >} (to the enum) or {@code <} (from it), and the other type. */
		private static List<EnumCast> casts(ResultSet rs) throws SQLException {
			List<EnumCast> casts = new ArrayList<>();
			for (String cast : strings(rs, "casts")) {
				EnumCast.Context context = switch (cast.charAt(0)) {
					case 'i' -> EnumCast.Context.IMPLICIT;
					case 'a' -> EnumCast.Context.ASSIGNMENT;
					default -> EnumCast.Context.EXPLICIT;
				};
				casts.add(new EnumCast(cast.substring(2), cast.charAt(1) == '>', context));
			}
			return casts;
		}

		private static ForeignKey.Action action(String code) {
			return switch (code) {
				case "r" -> ForeignKey.Action.RESTRICT;
				case "c" -> ForeignKey.Action.CASCADE;
				case "n" -> ForeignKey.Action.SET_NULL;
				case "d" -> ForeignKey.Action.SET_DEFAULT;
				default -> ForeignKey.Action.NO_ACTION;
			};
		}

	}

	/**
	 * The expression of a check constraint definition: {@code CHECK (price > 0::numeric) NOT VALID}
	 * gives {@code price > 0::numeric}. The closing parenthesis is found by matching, skipping
	 * string literals and quoted identifiers, so parentheses inside them and nested ones are kept.
	 * @param definition what {@code pg_get_constraintdef} returned
	 * @return the expression, or the definition unchanged when it is not of that form
	 */
	static String checkExpression(String definition) {
		String prefix = "CHECK (";
		if (definition == null || !definition.startsWith(prefix)) {
			return definition;
		}
		int depth = 1;
		int i = prefix.length();
		while (i < definition.length()) {
			char ch = definition.charAt(i);
			if (ch == '\'') {
				boolean backslashEscapes = i > 0 && (definition.charAt(i - 1) == 'E' || definition.charAt(i - 1) == 'e')
						&& (i < 2 || !Character.isLetterOrDigit(definition.charAt(i - 2)) && definition.charAt(i - 2) != '_');
				i = skipQuoted(definition, i, '\'', backslashEscapes);
				continue;
			}
			if (ch == '"') {
				i = skipQuoted(definition, i, '"', false);
				continue;
			}
			if (ch == '(') {
				depth++;
			}
			else if (ch == ')') {
				depth--;
				if (depth == 0) {
					return definition.substring(prefix.length(), i);
				}
			}
			i++;
		}
		return definition;
	}

	// Returns the index just past the closing quote; a doubled quote is part of the text.
	private static int skipQuoted(String text, int open, char quote, boolean backslashEscapes) {
		int i = open + 1;
		while (i < text.length()) {
			char ch = text.charAt(i);
			if (backslashEscapes && ch == '\\') {
				i += 2;
				continue;
			}
			if (ch == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return i;
	}

	private static <T> Comparator<T> byName(Function<T, String> name) {
		return Comparator.comparing(name);
	}

}
