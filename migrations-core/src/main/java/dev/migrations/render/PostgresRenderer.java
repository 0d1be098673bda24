package dev.migrations.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.diff.ConstraintNames;
import dev.migrations.diff.EnumUsage;
import dev.migrations.diff.Operation;
import dev.migrations.diff.Operation.AddCheck;
import dev.migrations.diff.Operation.AddColumn;
import dev.migrations.diff.Operation.AddEnumValue;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.AddPrimaryKey;
import dev.migrations.diff.Operation.AddUnique;
import dev.migrations.diff.Operation.AlterColumn;
import dev.migrations.diff.Operation.AlterSequence;
import dev.migrations.diff.Operation.CreateEnumType;
import dev.migrations.diff.Operation.CreateIndex;
import dev.migrations.diff.Operation.CreateSequence;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.diff.Operation.DropCheck;
import dev.migrations.diff.Operation.DropColumn;
import dev.migrations.diff.Operation.DropEnumType;
import dev.migrations.diff.Operation.DropEnumValue;
import dev.migrations.diff.Operation.DropForeignKey;
import dev.migrations.diff.Operation.DropIndex;
import dev.migrations.diff.Operation.DropPrimaryKey;
import dev.migrations.diff.Operation.DropSequence;
import dev.migrations.diff.Operation.DropTable;
import dev.migrations.diff.Operation.DropUnique;
import dev.migrations.diff.Operation.RecreateEnumType;
import dev.migrations.diff.Operation.RenameColumn;
import dev.migrations.diff.Operation.RenameConstraint;
import dev.migrations.diff.Operation.RenameEnumValue;
import dev.migrations.diff.Operation.RenameSequence;
import dev.migrations.diff.Operation.RenameTable;
import dev.migrations.diff.Operation.SetColumnComment;
import dev.migrations.diff.Operation.SetTableComment;
import dev.migrations.diff.OperationVisitor;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumCast;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/**
 * Renders operations as PostgreSQL statements: the upgrade of a revision from the differ's list,
 * the downgrade from {@link Operation#reverse(List)} of it.
 * <p>
 * What it does for the reviewer: identifiers are quoted only when needed ({@code "user"},
 * {@code "order"}, {@code "MixedCase"}); DDL is guarded with {@code IF [NOT] EXISTS} wherever
 * PostgreSQL allows it; type changes use only conversions PostgreSQL has ({@link TypeConversion}),
 * with {@code USING} only when no assignment cast exists, and a placeholder to replace where there is
 * none; constraints without a name get a readable one; and every destructive or data-dependent
 * statement carries a warning (drops, an index's with what it can cost, narrowing and conversions
 * that change values, {@code SET NOT NULL}, keys and checks added to tables that hold rows unless a
 * check only widens the one it replaces, removed enum labels, guessed renames with the statements
 * that would replace them, and columns stored as large objects where they are created or converted).
 * <p>
 * A column converted out of large objects ({@code oid}, what {@code @Lob} maps to) gets their
 * content; the large objects it referenced are noted in a temporary table before the conversion and
 * unlinked after it, so none is left behind unreachable.
 * <p>
 * Enum labels are removed or reordered by swapping types: the old type is renamed to
 * {@code <type>_old}, the new one created under the real name, every column converted through
 * {@code text}, and the old type dropped. The type's {@code WITH INOUT} casts (Hibernate's
 * {@code varchar} casts) follow the rename, so they are created for the new type and dropped from
 * the old one before it goes; an enum type is created and dropped with its casts too. Labels
 * removed one after another from the same type (the downgrade of labels added one by one) are
 * removed by one swap. Unlike creating a temporary type and converting every
 * column twice, this rewrites each table once, and the type's name always exists while it runs.
 * Column defaults of the type are dropped before the swap and restored after (an old default can
 * not be cast to the new type automatically). The swap converts the columns the model knows: a
 * view, a function or a column in another schema that uses the type makes {@code DROP TYPE} fail,
 * and the transaction rolls back.
 * <p>
 * {@code ALTER TYPE ... ADD VALUE} runs inside a transaction on PostgreSQL 12 and later, but the
 * new label cannot be used before that transaction commits. So the statement is marked
 * {@link RenderedStatement#requiresNoTransaction()} exactly when a later statement of the same
 * rendered list mentions the label as a literal (a default, a check, an index predicate); other
 * scripts stay fully transactional.
 * <p>
 * A column whose default is {@code nextval('<sequence>'::regclass)} of a sequence the list does
 * not create on its own is a {@code serial} column: its sequence belongs to the column and is not
 * in the model. Creating the table or adding the column therefore creates that sequence first and
 * makes the column own it afterwards, as {@code serial} does, so dropping the column drops it too.
 */
public final class PostgresRenderer {

	private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

	private static final Pattern PLAIN_NAME = Pattern.compile("[^\".]+");

	// a check whose outermost operator is an OR after a column IS NULL: a row holding NULL there passes it
	private static final Pattern NULL_OR = Pattern.compile("(\\w+|\"(?:[^\"]|\"\")+\") IS NULL OR ");

	private static final Pattern QUOTED_NAME = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

	private final String schema;

	/** Renders names unqualified, for a connection whose search path is the target schema. */
	public PostgresRenderer() {
		this(null);
	}

	/**
	 * Renders tables, types, sequences and indexes qualified with a schema.
	 * @param schema the schema, {@code null} for unqualified names
	 */
	public PostgresRenderer(String schema) {
		this.schema = schema;
	}

	/**
	 * Renders operations in order.
	 * @param operations operations in execution order
	 * @return the statements, in execution order
	 */
	public List<RenderedStatement> render(List<Operation> operations) {
		return render(operations, false);
	}

	private List<RenderedStatement> render(List<Operation> operations, boolean downgrade) {
		return render(operations, downgrade, Set.of(), new HashMap<>());
	}

	/**
	 * Renders operations in order, the foreign keys and checks of {@code notValid} with {@code NOT VALID}
	 * (checked for new rows only) and without their warnings, which are put in {@code validationWarnings}
	 * for the {@code VALIDATE CONSTRAINT} that checks the existing rows later.
	 */
	List<RenderedStatement> renderNotValid(List<Operation> operations, Set<Operation> notValid,
			Map<Operation, List<String>> validationWarnings) {
		return render(operations, false, notValid, validationWarnings);
	}

	private List<RenderedStatement> render(List<Operation> operations, boolean downgrade, Set<Operation> notValid,
			Map<Operation, List<String>> validationWarnings) {
		return renderParts(List.of(Objects.requireNonNull(operations, "operations")), downgrade, notValid,
				validationWarnings).get(0);
	}

	/** {@link #renderNotValid} of a change cut into parts, as {@link #renderParts} renders them. */
	List<List<RenderedStatement>> renderNotValidParts(List<List<Operation>> parts, Set<Operation> notValid,
			Map<Operation, List<String>> validationWarnings) {
		return renderParts(parts, false, notValid, validationWarnings);
	}

	/**
	 * Renders a change cut into revisions that run one after the other: each part as {@link #render}
	 * renders it, except that what a part knows of the others is kept (the tables created before it
	 * hold no rows, the sequences the change creates are not a serial column's), so the parts together
	 * are the statements of the whole list. An enum label that an earlier part adds is committed
	 * before a later part uses it.
	 * @param parts the change's operations in execution order, cut into parts
	 * @return each part's statements, in execution order
	 */
	public List<List<RenderedStatement>> renderParts(List<List<Operation>> parts) {
		return renderParts(parts, false, Set.of(), new HashMap<>());
	}

	/**
	 * The downgrade of each part of {@link #renderParts}: the downgrade of a part undoes exactly that
	 * part, and runs after the downgrades of the parts after it.
	 * @param parts the change's operations in execution order, cut into parts
	 * @return each part's downgrade statements, in the order of the parts
	 */
	public List<List<RenderedStatement>> renderDowngradeParts(List<List<Operation>> parts) {
		List<List<Operation>> reversed = new ArrayList<>(parts.size());
		for (int i = parts.size() - 1; i >= 0; i--) {
			reversed.add(Operation.reverse(parts.get(i)));
		}
		List<List<RenderedStatement>> rendered = new ArrayList<>(renderParts(reversed, true, Set.of(), new HashMap<>()));
		Collections.reverse(rendered);
		return List.copyOf(rendered);
	}

	/**
	 * {@link #render} of operations that run in a revision of their own before {@code later} (the
	 * online form's concurrent index drops): an index they drop whose name a later operation gives a
	 * new index or unique constraint is replaced, not lost, and carries no warning for that.
	 */
	List<RenderedStatement> renderBefore(List<Operation> operations, List<Operation> later) {
		return renderParts(List.of(operations), false, Set.of(), new HashMap<>(), later).get(0);
	}

	private List<List<RenderedStatement>> renderParts(List<List<Operation>> parts, boolean downgrade,
			Set<Operation> notValid, Map<Operation, List<String>> validationWarnings) {
		return renderParts(parts, downgrade, notValid, validationWarnings, List.of());
	}

	private List<List<RenderedStatement>> renderParts(List<List<Operation>> parts, boolean downgrade,
			Set<Operation> notValid, Map<Operation, List<String>> validationWarnings, List<Operation> later) {
		Set<String> standAloneSequences = new HashSet<>();
		Set<List<String>> createdIndexes = new HashSet<>();
		for (List<Operation> part : parts) {
			for (Operation operation : part) {
				if (operation instanceof CreateSequence create) {
					standAloneSequences.add(create.sequence().name());
				}
			}
		}
		List<Operation> creators = new ArrayList<>(later);
		parts.forEach(creators::addAll);
		for (Operation operation : creators) {
			if (operation instanceof CreateIndex create && create.index().name() != null) {
				createdIndexes.add(List.of(create.table(), create.index().name()));
			}
			// a unique constraint is an index too: one taking a dropped index's name replaces it
			if (operation instanceof AddUnique add && add.constraint().name() != null) {
				createdIndexes.add(List.of(add.table(), add.constraint().name()));
			}
		}
		Visitor visitor = new Visitor(standAloneSequences, createdIndexes, downgrade);
		visitor.enumLabels = enumLabels(parts);
		visitor.enumTypeLabels = enumTypeLabels(parts);
		visitor.booleanLetters = booleanLetters(parts);
		visitor.notValid = notValid;
		visitor.validationWarnings = validationWarnings;
		List<List<RenderedStatement>> rendered = new ArrayList<>(parts.size());
		for (List<Operation> part : parts) {
			rendered.add(renderPart(part, visitor));
		}
		return List.copyOf(rendered);
	}

	/**
	 * The columns whose checks say they hold one enum stored by position on one side and by label on
	 * the other: a dropped check admitting the positions 0 to n - 1 and an added one admitting n labels,
	 * or the other way round ({@code @Enumerated(ORDINAL)} changed to {@code STRING}, and its downgrade).
	 * @return the labels as SQL literals in the constants' order, by (table, column as SQL)
	 */
	/** The labels of the enum types the list creates, drops or recreates, by type name (as written and as SQL). */
	private static Map<String, List<String>> enumTypeLabels(List<List<Operation>> parts) {
		Map<String, List<String>> labels = new HashMap<>();
		for (List<Operation> part : parts) {
			for (Operation operation : part) {
				EnumType type = (operation instanceof DropEnumType drop) ? drop.type()
						: (operation instanceof CreateEnumType create) ? create.type() : null;
				if (type != null) {
					labels.putIfAbsent(type.name(), type.values());
				}
				else if (operation instanceof RecreateEnumType recreate) {
					labels.putIfAbsent(recreate.type(), recreate.oldValues());
				}
			}
		}
		Map<String, List<String>> byName = new HashMap<>(labels);
		labels.forEach((name, values) -> byName.putIfAbsent(PostgresIdentifiers.quote(name), values));
		return byName;
	}

	private static Map<List<String>, List<String>> enumLabels(List<List<Operation>> parts) {
		Map<List<String>, ValueSetCheck> dropped = new HashMap<>();
		Map<List<String>, ValueSetCheck> added = new HashMap<>();
		for (List<Operation> part : parts) {
			for (Operation operation : part) {
				if (operation instanceof DropCheck drop) {
					ValueSetCheck.parse(drop.check().expression())
						.ifPresent((check) -> dropped.put(List.of(drop.table(), check.subject()), check));
				}
				else if (operation instanceof AddCheck add) {
					ValueSetCheck.parse(add.check().expression())
						.ifPresent((check) -> added.put(List.of(add.table(), check.subject()), check));
				}
			}
		}
		Map<List<String>, List<String>> labels = new HashMap<>();
		dropped.forEach((column, before) -> {
			ValueSetCheck after = added.get(column);
			if (after != null && (before.values() == null) != (after.values() == null)) {
				ValueSetCheck list = (before.values() != null) ? before : after;
				ValueSetCheck range = (list == before) ? after : before;
				if (range.low() == 0 && range.high() == list.values().size() - 1) {
					labels.put(column, list.values());
				}
			}
		});
		return labels;
	}

	/** The letters Hibernate's boolean converters store, true's first: YesNoConverter's and TrueFalseConverter's. */
	private static final List<List<String>> BOOLEAN_LETTERS = List.of(List.of("'Y'", "'N'"), List.of("'T'", "'F'"));

	/**
	 * The columns whose added check admits exactly the two letters of one of Hibernate's boolean
	 * converters ({@code @Convert(converter = YesNoConverter.class)}: {@code flag IN ('N', 'Y')}).
	 * @return the literals for true and for false, by (table, column as SQL)
	 */
	private static Map<List<String>, List<String>> booleanLetters(List<List<Operation>> parts) {
		Map<List<String>, List<String>> letters = new HashMap<>();
		for (List<Operation> part : parts) {
			for (Operation operation : part) {
				if (operation instanceof AddCheck add) {
					ValueSetCheck.parse(add.check().expression()).ifPresent((check) -> {
						for (List<String> pair : BOOLEAN_LETTERS) {
							if (check.values() != null && check.values().size() == 2 && check.values().containsAll(pair)) {
								letters.put(List.of(add.table(), check.subject()), pair);
							}
						}
					});
				}
			}
		}
		return letters;
	}

	private static List<RenderedStatement> renderPart(List<Operation> operations, Visitor visitor) {
		List<RenderedStatement> statements = new ArrayList<>();
		Map<Integer, String> addedLabels = new LinkedHashMap<>();
		for (Operation operation : mergeEnumSwaps(operations)) {
			if (operation instanceof AddEnumValue add) {
				addedLabels.put(statements.size(), PostgresIdentifiers.literal(add.value()));
			}
			statements.addAll(operation.accept(visitor));
		}
		addedLabels.forEach((index, literal) -> {
			for (int i = index + 1; i < statements.size(); i++) {
				String sql = statements.get(i).sql();
				if (!sql.startsWith("ALTER TYPE ") && sql.contains(literal)) {
					statements.set(index, statements.get(index).withRequiresNoTransaction());
					break;
				}
			}
		});
		return List.copyOf(statements);
	}

	/**
	 * Labels removed one after the other from one type (the downgrade of labels added one by one)
	 * become one swap, so each table of the type is rewritten once, not once per label.
	 */
	private static List<Operation> mergeEnumSwaps(List<Operation> operations) {
		List<Operation> merged = new ArrayList<>();
		for (Operation operation : operations) {
			RecreateEnumType swap = asSwap(operation);
			RecreateEnumType previous = (merged.isEmpty()) ? null : asSwap(merged.get(merged.size() - 1));
			if (swap != null && previous != null && previous.type().equals(swap.type())
					&& previous.newValues().equals(swap.oldValues())) {
				merged.set(merged.size() - 1, new RecreateEnumType(previous.type(), previous.oldValues(), swap.newValues(),
						previous.usages(), previous.casts()));
			}
			else {
				merged.add(operation);
			}
		}
		return merged;
	}

	private static RecreateEnumType asSwap(Operation operation) {
		if (operation instanceof DropEnumValue drop) {
			return drop.asRecreate();
		}
		return (operation instanceof RecreateEnumType recreate) ? recreate : null;
	}

	/**
	 * Renders the downgrade of an upgrade: {@code render(Operation.reverse(upgrade))}.
	 * @param upgrade the upgrade's operations in execution order
	 * @return the downgrade statements, in execution order
	 */
	public List<RenderedStatement> renderDowngrade(List<Operation> upgrade) {
		return render(Operation.reverse(upgrade), true);
	}

	// the fill of a list's index column: the owner's columns, and the offset giving the list's base
	private static final Pattern NUMBERING = Pattern.compile(Pattern.quote(AddColumn.ROW_NUMBER)
			+ "PARTITION BY (.+) ORDER BY ctid\\)( - 1| \\+ \\d+)?");

	// the commas between the owner's columns, not those inside a quoted name
	private static final Pattern OWNER_COLUMNS = Pattern.compile(", (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");

	private String name(String name) {
		return PostgresIdentifiers.qualified(this.schema, name);
	}

	private static String quote(String identifier) {
		return PostgresIdentifiers.quote(identifier);
	}

	private static String literal(String text) {
		return PostgresIdentifiers.literal(text);
	}

	private static String columnList(List<String> columns) {
		return columns.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", ", "(", ")"));
	}

	private static String labels(List<String> values) {
		return values.stream().map(PostgresIdentifiers::literal).collect(Collectors.joining(", ", "(", ")"));
	}

	private static String parenthesized(String expression) {
		return isParenthesized(expression) ? expression : "(" + expression + ")";
	}

	/** Whether the whole expression sits in one pair of parentheses. */
	private static boolean isParenthesized(String expression) {
		return Column.enclosed(expression.trim());
	}

	/**
	 * The name of the sequence a serial column's default draws from, or {@code null} when the
	 * default is not an unqualified {@code nextval('<sequence>'::regclass)}: a sequence of another
	 * schema is not this column's to create.
	 */
	private static String serialSequence(Column column) {
		if (column.defaultExpression() == null || column.identity() != null) {
			return null;
		}
		Matcher nextval = NEXTVAL.matcher(column.defaultExpression().trim());
		if (!nextval.matches()) {
			return null;
		}
		String regclass = nextval.group(1).replace("''", "'");
		if (PLAIN_NAME.matcher(regclass).matches()) {
			return regclass;
		}
		Matcher quoted = QUOTED_NAME.matcher(regclass);
		return quoted.matches() ? quoted.group(1).replace("\"\"", "\"") : null;
	}

	private static boolean isLargeObject(Column column) {
		return column.type().equals("oid");
	}

	/** Where a column of large objects is created or converted: what {@code @Lob} does on PostgreSQL is rarely meant. */
	private static String largeObjectWarning(String label) {
		return label + " is stored as oid, a PostgreSQL large object (what @Lob does to a String or byte[] there): the"
				+ " content lives outside the row and is not deleted with it. Use @JdbcTypeCode(SqlTypes.LONG32VARCHAR) for"
				+ " text or SqlTypes.LONG32VARBINARY for bytea, unless large objects are intended.";
	}

	/**
	 * Before an oid column goes: its large objects are not deleted with it (nor with its rows), so they are
	 * unlinked first, each once, as a conversion away from oid does.
	 */
	private RenderedStatement unlinkLargeObjects(String table, String column) {
		String quoted = quote(column);
		return statement("SELECT lo_unlink(lo) FROM (SELECT DISTINCT " + quoted + " AS lo FROM " + name(table)
				+ " WHERE " + quoted + " IS NOT NULL) AS large_objects");
	}

	private static RenderedStatement statement(String sql, List<String> warnings) {
		return new RenderedStatement(sql, warnings, false);
	}

	private static RenderedStatement statement(String sql) {
		return new RenderedStatement(sql);
	}

	private static List<String> warnings(String... warnings) {
		List<String> list = new ArrayList<>();
		for (String warning : warnings) {
			if (warning != null) {
				list.add(warning);
			}
		}
		return list;
	}

	/** Renders one operation at a time, remembering the tables the list creates (they hold no rows). */
	private final class Visitor implements OperationVisitor<List<RenderedStatement>> {

		private final Set<String> createdTables = new HashSet<>();

		/** (table, column) added by the list without a default: they hold only NULL, which no unique or foreign key rejects. */
		private final Set<List<String>> nullColumns = new HashSet<>();

		/** Unique and foreign keys the list drops: the rows satisfied them, so the same key added again cannot fail. */
		private final Set<List<Object>> droppedKeys = new HashSet<>();

		/** Checks the list drops, by table: a check added afterwards that admits what one of them admitted cannot fail. */
		private final Map<String, List<CheckConstraint>> droppedChecks = new HashMap<>();

		private final Set<String> standAloneSequences;

		/** (table, index name) of the indexes the list creates: dropping one of these names replaces the index. */
		private final Set<List<String>> createdIndexes;

		private final boolean downgrade;

		/** Columns converted between an enum's positions and its labels, by (table, column as SQL): see {@link #enumLabels}. */
		private Map<List<String>, List<String>> enumLabels = Map.of();

		/** The labels of the enum types the list creates, drops or recreates: see {@link #enumTypeLabels}. */
		private Map<String, List<String>> enumTypeLabels = Map.of();

		/** Boolean columns becoming the letters of one of Hibernate's converters, by (table, column as SQL): see {@link #booleanLetters}. */
		private Map<List<String>, List<String>> booleanLetters = Map.of();

		/** (table, column as SQL) of the boolean columns the list turned into those letters: the check admits every row. */
		private final Set<List<String>> convertedFlags = new HashSet<>();

		/** Foreign keys and checks added {@code NOT VALID}, to be validated later (the online form). */
		private Set<Operation> notValid = Set.of();

		/** The warnings of the {@link #notValid} operations, which belong to their validation. */
		private Map<Operation, List<String>> validationWarnings = new HashMap<>();

		Visitor(Set<String> standAloneSequences, Set<List<String>> createdIndexes, boolean downgrade) {
			this.standAloneSequences = standAloneSequences;
			this.createdIndexes = createdIndexes;
			this.downgrade = downgrade;
		}

		private boolean holdsRows(String table) {
			return !this.createdTables.contains(table);
		}

		/** Whether adding the key can meet a row that violates it. */
		private boolean mayFail(String table, List<String> columns, List<Object> key) {
			return holdsRows(table) && columns.stream().noneMatch((column) -> this.nullColumns.contains(List.of(table, column)))
					&& !this.droppedKeys.contains(key);
		}

		/**
		 * The rows a unique key holds for: its table and the set of its elements, whatever their order (and
		 * their sort options) in the key, so a key re-added in another order finds the one dropped before it.
		 */
		private static List<Object> uniqueKey(String table, List<String> elements) {
			Set<String> set = new HashSet<>();
			for (String element : elements) {
				set.add(element.replaceAll("(?i)(\\s+(ASC|DESC))?(\\s+NULLS\\s+(FIRST|LAST))?$", ""));
			}
			return List.of("unique", table, set);
		}

		private static List<Object> foreignKeyKey(String table, ForeignKey foreignKey) {
			return Arrays.asList("foreign key", table, foreignKey.columns(), foreignKey.referencedSchema(),
					foreignKey.referencedTable(), foreignKey.referencedColumns());
		}

		private String oneLine(List<Operation> operations) {
			Visitor scratch = new Visitor(this.standAloneSequences, this.createdIndexes, this.downgrade);
			List<String> sql = new ArrayList<>();
			for (Operation operation : operations) {
				for (RenderedStatement statement : operation.accept(scratch)) {
					sql.add(statement.sql().replaceAll("\\s*\\n\\s*", " ").replace("( ", "(").replace(" )", ")"));
				}
			}
			return String.join("; ", sql);
		}

		private String columnDefinition(Column column) {
			StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
			if (column.defaultExpression() != null) {
				sql.append(" DEFAULT ").append(column.defaultExpression());
			}
			if (column.identity() != null) {
				sql.append(" GENERATED ").append(identity(column.identity())).append(" AS IDENTITY");
			}
			if (column.generated() != null) {
				sql.append(" GENERATED ALWAYS AS ").append(column.generatedAs()).append(" STORED");
			}
			if (!column.nullable()) {
				sql.append(" NOT NULL");
			}
			return sql.toString();
		}

		/** The sequence of a serial column that this column owns, or {@code null}. */
		private String ownedSequence(Column column) {
			String sequence = serialSequence(column);
			return (sequence != null && !this.standAloneSequences.contains(sequence)) ? sequence : null;
		}

		/** Creates a serial column's sequence, typed like {@code serial} types it; it must exist before the default. */
		private RenderedStatement createOwnedSequence(String sequence, Column column) {
			String type = column.type();
			boolean narrower = type.equals("integer") || type.equals("smallint");
			return statement("CREATE SEQUENCE IF NOT EXISTS " + name(sequence) + (narrower ? " AS " + type : ""));
		}

		private RenderedStatement ownSequence(String sequence, String table, Column column) {
			return statement("ALTER SEQUENCE " + name(sequence) + " OWNED BY " + name(table) + "." + quote(column.name()));
		}

		/** Moves the sequence of a column past its rows; max() is NULL on an empty table and setval, being strict, leaves it alone. */
		private RenderedStatement moveSequencePastRows(String table, String column) {
			return statement("SELECT setval(pg_get_serial_sequence(" + literal(name(table)) + ", " + literal(column)
					+ "), max(" + quote(column) + ")) FROM " + name(table));
		}

		private String identity(Column.Identity identity) {
			return (identity == Column.Identity.ALWAYS) ? "ALWAYS" : "BY DEFAULT";
		}

		private String primaryKeyName(String table, PrimaryKey key) {
			return (key.name() != null) ? key.name() : ConstraintNames.primaryKey(table);
		}

		private String uniqueName(String table, UniqueConstraint unique) {
			return (unique.name() != null) ? unique.name() : ConstraintNames.unique(table, unique.columns());
		}

		private String checkName(String table, CheckConstraint check) {
			return (check.name() != null) ? check.name() : ConstraintNames.check(table, check.expression());
		}

		private String foreignKeyName(String table, ForeignKey foreignKey) {
			return (foreignKey.name() != null) ? foreignKey.name()
					: ConstraintNames.foreignKey(table, foreignKey.columns(), foreignKey.referencedTable());
		}

		private String indexName(String table, Index index) {
			return (index.name() != null) ? index.name() : ConstraintNames.index(table, index);
		}

		private String foreignKeyClause(String table, ForeignKey foreignKey) {
			String referenced = (foreignKey.referencedSchema() != null)
					? PostgresIdentifiers.qualified(foreignKey.referencedSchema(), foreignKey.referencedTable())
					: name(foreignKey.referencedTable());
			StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(foreignKeyName(table, foreignKey)))
				.append(" FOREIGN KEY ").append(columnList(foreignKey.columns()))
				.append(" REFERENCES ").append(referenced).append(' ').append(columnList(foreignKey.referencedColumns()));
			if (foreignKey.onDelete() != null && foreignKey.onDelete() != ForeignKey.Action.NO_ACTION) {
				sql.append(" ON DELETE ").append(foreignKey.onDelete().sql());
			}
			if (foreignKey.onUpdate() != null && foreignKey.onUpdate() != ForeignKey.Action.NO_ACTION) {
				sql.append(" ON UPDATE ").append(foreignKey.onUpdate().sql());
			}
			return sql.toString();
		}

		private String createIndex(String table, Index index) {
			return createIndex(table, index, false);
		}

		/**
		 * {@code IF NOT EXISTS} makes a revision that stopped halfway (outside a transaction, as the
		 * online form's concurrent builds run) safe to run again; when the name is another relation's,
		 * it would find that one and create nothing, so the statement is plain and fails instead.
		 */
		private String createIndex(String table, Index index, boolean nameTaken) {
			StringBuilder sql = new StringBuilder("CREATE ");
			if (index.unique()) {
				sql.append("UNIQUE ");
			}
			sql.append(nameTaken ? "INDEX " : "INDEX IF NOT EXISTS ").append(quote(indexName(table, index))).append(" ON ").append(name(table));
			if (index.method() != null && !index.method().equals("btree")) {
				sql.append(" USING ").append(index.method());
			}
			sql.append(" (").append(String.join(", ", index.elements())).append(')');
			if (!index.include().isEmpty()) {
				sql.append(" INCLUDE ").append(columnList(index.include()));
			}
			if (index.where() != null) {
				sql.append(" WHERE ").append(parenthesized(index.where()));
			}
			return sql.toString();
		}

		private String alterTable(String table) {
			return "ALTER TABLE " + name(table) + " ";
		}

		private String dropConstraint(String table, String constraint) {
			return alterTable(table) + "DROP CONSTRAINT IF EXISTS " + quote(constraint);
		}

		private RenderedStatement columnComment(String table, String column, String comment) {
			return statement("COMMENT ON COLUMN " + name(table) + "." + quote(column) + " IS " + literal(comment));
		}

		@Override
		public List<RenderedStatement> visitCreateTable(CreateTable op) {
			Table table = op.table();
			String tableName = table.name();
			List<String> lines = new ArrayList<>();
			for (Column column : table.columns()) {
				lines.add(columnDefinition(column));
			}
			if (table.primaryKey() != null) {
				lines.add("CONSTRAINT " + quote(primaryKeyName(tableName, table.primaryKey())) + " PRIMARY KEY "
						+ columnList(table.primaryKey().columns()));
			}
			for (UniqueConstraint unique : table.uniqueConstraints()) {
				lines.add("CONSTRAINT " + quote(uniqueName(tableName, unique)) + " UNIQUE " + columnList(unique.columns()));
			}
			for (CheckConstraint check : table.checks()) {
				lines.add("CONSTRAINT " + quote(checkName(tableName, check)) + " CHECK (" + check.expression() + ")");
			}
			// The differ adds foreign keys afterwards; ones given here must reference existing tables.
			for (ForeignKey foreignKey : table.foreignKeys()) {
				lines.add(foreignKeyClause(tableName, foreignKey));
			}
			List<RenderedStatement> statements = new ArrayList<>();
			List<RenderedStatement> ownership = new ArrayList<>();
			for (Column column : table.columns()) {
				String sequence = ownedSequence(column);
				if (sequence != null) {
					statements.add(createOwnedSequence(sequence, column));
					ownership.add(ownSequence(sequence, tableName, column));
				}
			}
			List<String> warnings = warnings(op.note());
			for (Column column : table.columns()) {
				if (isLargeObject(column)) {
					warnings.add(largeObjectWarning(tableName + "." + column.name()));
				}
			}
			statements.add(statement("CREATE TABLE IF NOT EXISTS " + name(tableName) + " (\n    "
					+ String.join(",\n    ", lines) + "\n)", warnings));
			statements.addAll(ownership);
			for (Index index : table.indexes()) {
				statements.add(statement(createIndex(tableName, index)));
			}
			if (table.comment() != null) {
				statements.add(statement("COMMENT ON TABLE " + name(tableName) + " IS " + literal(table.comment())));
			}
			for (Column column : table.columns()) {
				if (column.comment() != null) {
					statements.add(columnComment(tableName, column.name(), column.comment()));
				}
			}
			this.createdTables.add(tableName);
			return statements;
		}

		@Override
		public List<RenderedStatement> visitDropTable(DropTable op) {
			String table = op.table().name();
			this.createdTables.remove(table);
			List<RenderedStatement> statements = new ArrayList<>();
			List<String> largeObjects = new ArrayList<>();
			for (Column column : op.table().columns()) {
				if (isLargeObject(column)) {
					statements.add(unlinkLargeObjects(table, column.name()));
					largeObjects.add(column.name());
				}
			}
			statements.add(statement("DROP TABLE IF EXISTS " + name(table), warnings("drops table " + table
					+ " and every row in it" + (largeObjects.isEmpty() ? ""
							: ", after unlinking the large objects its oid column" + ((largeObjects.size() == 1) ? " " : "s ")
									+ String.join(", ", largeObjects) + ((largeObjects.size() == 1) ? " refers" : " refer")
									+ " to (a large object shared with another table goes too)"),
					op.note())));
			return statements;
		}

		@Override
		public List<RenderedStatement> visitRenameTable(RenameTable op) {
			List<String> warnings = new ArrayList<>();
			if (op.proposed()) {
				warnings.add("probable rename: " + op.from() + " and " + op.to() + " have the same columns; if this is not a"
						+ " rename, replace this statement with: " + oneLine(op.alternative()));
			}
			if (this.createdTables.remove(op.from())) {
				this.createdTables.add(op.to());
			}
			return List.of(statement(alterTable(op.from()) + "RENAME TO " + quote(op.to()), warnings));
		}

		@Override
		public List<RenderedStatement> visitAddColumn(AddColumn op) {
			if (op.numbersRows() && op.column().defaultExpression() == null && op.column().identity() == null
					&& op.column().generated() == null) {
				return numberedColumn(op);
			}
			Column column = op.column();
			// the rows there are take the value the mapping says they have, through a default dropped at once
			boolean filled = op.fill() != null && column.defaultExpression() == null && column.identity() == null
					&& column.generated() == null;
			List<String> warnings = new ArrayList<>();
			if (!filled && !column.nullable() && column.defaultExpression() == null && column.identity() == null
					&& column.generated() == null && holdsRows(op.table())) {
				warnings.add("fails if " + op.table() + " has rows: NOT NULL " + column.name() + " has no default; add it"
						+ " nullable, backfill it, then SET NOT NULL, or give it a default");
			}
			if (op.note() != null) {
				warnings.add(op.note());
			}
			if (isLargeObject(column)) {
				warnings.add(largeObjectWarning(op.objectName()));
			}
			List<RenderedStatement> statements = new ArrayList<>();
			String sequence = ownedSequence(column);
			if (sequence != null) {
				statements.add(createOwnedSequence(sequence, column));
			}
			if (!filled && column.defaultExpression() == null && column.identity() == null && column.generated() == null) {
				this.nullColumns.add(List.of(op.table(), column.name()));
			}
			Column added = filled ? new Column(column.name(), column.type(), column.nullable(), op.fill(), null,
					column.comment(), null) : column;
			statements.add(statement(alterTable(op.table()) + "ADD COLUMN IF NOT EXISTS " + columnDefinition(added), warnings));
			if (filled) {
				statements.add(statement(alterTable(op.table()) + "ALTER COLUMN " + quote(column.name()) + " DROP DEFAULT"));
			}
			if (sequence != null) {
				statements.add(ownSequence(sequence, op.table(), column));
			}
			if (column.comment() != null) {
				statements.add(columnComment(op.table(), column.name(), column.comment()));
			}
			return statements;
		}

		/**
		 * The index column of a list added to a table that may hold rows: added nullable, each owner's rows
		 * numbered in the order they are stored (the order a list without an index column was written in),
		 * then {@code NOT NULL}, so the key the index column joins takes the rows instead of failing on them.
		 */
		private List<RenderedStatement> numberedColumn(AddColumn op) {
			Column column = op.column();
			String name = quote(column.name());
			Matcher numbering = NUMBERING.matcher(op.fill());
			String owner = numbering.matches() ? numbering.group(1) : "owner";
			String offset = (numbering.matches() && numbering.group(2) != null) ? numbering.group(2) : "";
			int base = offset.isEmpty() ? 1 : offset.equals(" - 1") ? 0 : Integer.parseInt(offset.substring(3)) + 1;
			List<RenderedStatement> statements = new ArrayList<>();
			Column nullable = new Column(column.name(), column.type(), true, null, null, column.comment(), null);
			statements.add(statement(alterTable(op.table()) + "ADD COLUMN IF NOT EXISTS " + columnDefinition(nullable),
					(op.note() != null) ? List.of(op.note()) : List.of()));
			// a one-to-many's index, in the children's table, is nullable: the children no owner holds keep none
			String held = column.nullable() ? " WHERE " + String.join(" AND ", OWNER_COLUMNS.splitAsStream(owner)
				.map((key) -> key + " IS NOT NULL").toList()) : "";
			statements.add(statement("UPDATE " + name(op.table()) + " AS t SET " + name + " = numbered.list_index FROM"
					+ " (SELECT ctid AS row_id, " + op.fill() + " AS list_index FROM " + name(op.table()) + held
					+ ") AS numbered WHERE t.ctid = numbered.row_id", List.of("numbers the rows of each (" + owner + ") of "
							+ op.table() + " from " + base + " in the order they are stored, which is the order they were"
							+ " written in unless they were updated since; update " + name + " after this statement if the"
							+ " lists must keep another order" + (column.nullable() ? "; the rows of no (" + owner
									+ ") keep no index" : ""))));
			if (!column.nullable()) {
				statements.add(statement(alterTable(op.table()) + "ALTER COLUMN " + name + " SET NOT NULL"));
			}
			if (column.comment() != null) {
				statements.add(columnComment(op.table(), column.name(), column.comment()));
			}
			return statements;
		}

		@Override
		public List<RenderedStatement> visitDropColumn(DropColumn op) {
			RenderedStatement drop = statement(alterTable(op.table()) + "DROP COLUMN IF EXISTS "
					+ quote(op.column().name()), warnings("drops column " + op.objectName() + " and its data"
							+ (isLargeObject(op.column()) ? ", after unlinking the large objects it refers to (a large"
									+ " object shared with another column goes too)" : ""), op.note()));
			return isLargeObject(op.column()) ? List.of(unlinkLargeObjects(op.table(), op.column().name()), drop)
					: List.of(drop);
		}

		@Override
		public List<RenderedStatement> visitAlterColumn(AlterColumn op) {
			Column existing = op.existing();
			Column target = op.target();
			String column = quote(op.column());
			String label = op.objectName();
			String alter = alterTable(op.table()) + "ALTER COLUMN " + column + " ";
			List<RenderedStatement> statements = new ArrayList<>();
			boolean typeChanged = op.typeChanged();
			// An identity column becoming a serial one: the identity's sequence goes with DROP IDENTITY, so the
			// column gets its own sequence again, owned by it and moved past the rows.
			String serialSequence = (existing.identity() != null && target.identity() == null) ? ownedSequence(target)
					: null;
			if (existing.identity() != null && target.identity() == null) {
				statements.add(statement(alter + "DROP IDENTITY IF EXISTS", warnings((holdsRows(op.table())
						&& serialSequence == null)
						? "the ids of new rows of " + name(op.table()) + " now come from elsewhere, e.g. a sequence of"
								+ " Hibernate's (" + name(op.table() + "_seq") + " by default), which starts at 1: move it past the"
								+ " rows, or the next insert collides with them, e.g. SELECT setval('" + op.table()
								+ "_seq', max(" + column + ")) FROM " + name(op.table())
						: null)));
			}
			// An old default may not cast to the new type: drop it before, set the wanted one after.
			boolean dropDefault = existing.defaultExpression() != null
					&& (typeChanged || target.defaultExpression() == null || target.identity() != null);
			if (dropDefault) {
				statements.add(statement(alter + "DROP DEFAULT"));
			}
			// A serial column becoming an identity: its own sequence goes, or it stays behind, still owned by the
			// column, and pg_get_serial_sequence keeps naming it instead of the identity's (which then takes the
			// name it leaves free). A sequence other columns still draw from makes this fail rather than vanish.
			String formerSequence = (target.identity() != null && existing.identity() == null) ? ownedSequence(existing)
					: null;
			if (formerSequence != null) {
				statements.add(statement("DROP SEQUENCE IF EXISTS " + name(formerSequence)));
			}
			if (typeChanged) {
				List<String> letters = existing.type().equals("boolean") ? this.booleanLetters.get(List.of(op.table(), column))
						: null;
				TypeConversion conversion = TypeConversion.of(column, label, existing.type(), target.type(),
						this.enumLabels.get(List.of(op.table(), column)), letters);
				if (letters != null && conversion.using != null && conversion.using.startsWith("CASE WHEN ")) {
					this.convertedFlags.add(List.of(op.table(), column));
				}
				List<String> warnings = new ArrayList<>(conversion.warnings);
				List<String> labels = this.enumTypeLabels.get(existing.type());
				Integer length = TypeConversion.ParsedType.parse(target.type()).length();
				if (labels != null && length != null && labels.stream().allMatch((value) -> value.length() <= length)) {
					// every label of the enum fits: no value is too long
					warnings.removeIf((warning) -> warning.startsWith("values of " + label + " longer than "));
				}
				if (isLargeObject(target) && !isLargeObject(existing)) {
					warnings.add(largeObjectWarning(label));
				}
				String released = null;
				if (conversion.releasesLargeObjects) {
					// the large objects' numbers are gone once the column is converted: keep them to unlink them after
					String holder = ConstraintNames.truncate("migrations_lo_" + op.table() + "_" + op.column());
					released = "pg_temp." + quote(holder);
					statements.add(statement("CREATE TEMPORARY TABLE " + quote(holder) + " AS SELECT DISTINCT " + column
							+ " AS lo FROM " + name(op.table()) + " WHERE " + column + " IS NOT NULL", warnings));
					warnings = List.of();
				}
				statements.add(statement(alter + "TYPE " + target.type()
						+ ((conversion.using != null) ? " USING " + conversion.using : ""), warnings));
				if (released != null) {
					statements.add(statement("SELECT lo_unlink(lo) FROM " + released));
					statements.add(statement("DROP TABLE " + released));
				}
			}
			if (serialSequence != null) {
				statements.add(createOwnedSequence(serialSequence, target));
			}
			if (target.defaultExpression() != null && (dropDefault || op.defaultChanged() || serialSequence != null)) {
				statements.add(statement(alter + "SET DEFAULT " + target.defaultExpression()));
			}
			if (serialSequence != null) {
				statements.add(ownSequence(serialSequence, op.table(), target));
				if (holdsRows(op.table())) {
					statements.add(moveSequencePastRows(op.table(), op.column()));
				}
			}
			if (op.nullabilityChanged()) {
				if (target.nullable()) {
					statements.add(statement(alter + "DROP NOT NULL"));
				}
				else {
					String fill = (target.defaultExpression() != null) ? "DEFAULT" : "<value>";
					statements.add(statement(alter + "SET NOT NULL", warnings(holdsRows(op.table())
							? "fails if " + label + " holds NULL: backfill first, e.g. UPDATE " + name(op.table()) + " SET "
									+ column + " = " + fill + " WHERE " + column + " IS NULL"
							: null)));
				}
			}
			if (target.identity() != null && existing.identity() == null) {
				statements.add(statement(alter + "ADD GENERATED " + identity(target.identity()) + " AS IDENTITY"));
				if (holdsRows(op.table())) {
					// The identity starts at 1: move it past the rows, or the next insert collides with them.
					// On an empty table max() is NULL and setval, being strict, leaves the start alone.
					statements.add(moveSequencePastRows(op.table(), op.column()));
				}
			}
			else if (target.identity() != null && existing.identity() != target.identity()) {
				statements.add(statement(alter + "SET GENERATED " + identity(target.identity())));
			}
			return statements;
		}

		@Override
		public List<RenderedStatement> visitRenameColumn(RenameColumn op) {
			List<String> warnings = new ArrayList<>();
			if (op.proposed()) {
				warnings.add("probable rename: " + op.table() + "." + op.from() + " and " + op.to() + " have the same type,"
						+ " nullability and default; if this is not a rename, replace this statement with: "
						+ oneLine(op.alternative()));
			}
			return List.of(statement(alterTable(op.table()) + "RENAME COLUMN " + quote(op.from()) + " TO " + quote(op.to()),
					warnings));
		}

		@Override
		public List<RenderedStatement> visitAddPrimaryKey(AddPrimaryKey op) {
			PrimaryKey key = op.primaryKey();
			return List.of(statement(alterTable(op.table()) + "ADD CONSTRAINT " + quote(primaryKeyName(op.table(), key))
					+ " PRIMARY KEY " + columnList(key.columns()),
					warnings(holdsRows(op.table()) ? "fails if " + op.table() + " holds NULL or duplicate values in "
							+ columnList(key.columns()) : null)));
		}

		@Override
		public List<RenderedStatement> visitDropPrimaryKey(DropPrimaryKey op) {
			return List.of(statement(dropConstraint(op.table(), primaryKeyName(op.table(), op.primaryKey()))));
		}

		@Override
		public List<RenderedStatement> visitAddUnique(AddUnique op) {
			UniqueConstraint unique = op.constraint();
			return List.of(statement(alterTable(op.table()) + "ADD CONSTRAINT " + quote(uniqueName(op.table(), unique))
					+ " UNIQUE " + columnList(unique.columns()),
					warnings(mayFail(op.table(), unique.columns(), uniqueKey(op.table(), unique.columns())) ? "fails if " + op.table() + " already holds duplicate values in "
							+ columnList(unique.columns()) : null)));
		}

		@Override
		public List<RenderedStatement> visitDropUnique(DropUnique op) {
			this.droppedKeys.add(uniqueKey(op.table(), op.constraint().columns()));
			return List.of(statement(dropConstraint(op.table(), uniqueName(op.table(), op.constraint()))));
		}

		@Override
		public List<RenderedStatement> visitCreateIndex(CreateIndex op) {
			Index index = op.index();
			return List.of(statement(createIndex(op.table(), index, op.nameTaken()),
					warnings(op.nameTaken() ? "fails: the name " + indexName(op.table(), index) + " is already taken in the"
							+ " schema by another relation (index names are unique in a schema, not per table); give this"
							+ " index another name" : null,
							(index.unique() && holdsRows(op.table())
									&& !this.droppedKeys.contains(uniqueKey(op.table(), index.elements()))) ? "fails if " + op.table()
							+ " already holds duplicate values in (" + String.join(", ", index.elements()) + ")" : null)));
		}

		@Override
		public List<RenderedStatement> visitDropIndex(DropIndex op) {
			Index index = op.index();
			if (index.unique() && index.where() == null) {
				// a partial index held only for some rows
				this.droppedKeys.add(uniqueKey(op.table(), index.elements()));
			}
			String indexName = indexName(op.table(), index);
			String warning = null;
			if (!this.createdIndexes.contains(List.of(op.table(), indexName))) {
				warning = "drops index " + indexName + " on " + op.table() + " (" + String.join(", ", index.elements()) + ")"
						+ (index.unique() ? " and the uniqueness it enforces" : "") + ": queries that use it may become slow"
						+ (this.downgrade ? "" : "; if it was made by hand on purpose, declare it with @Index, or keep indexes"
								+ " the entities do not declare with migrations.drift.ignore-extra-indexes=true");
			}
			// the index of a name another relation held: IF EXISTS would drop that one where this one is missing
			return List.of(statement("DROP INDEX " + (op.nameTaken() ? "" : "IF EXISTS ") + name(indexName),
					warnings(warning)));
		}

		@Override
		public List<RenderedStatement> visitAddForeignKey(AddForeignKey op) {
			ForeignKey foreignKey = op.foreignKey();
			return notValidOrPlain(op, statement(alterTable(op.table()) + "ADD " + foreignKeyClause(op.table(), foreignKey),
					warnings(mayFail(op.table(), foreignKey.columns(), foreignKeyKey(op.table(), foreignKey)) ? "fails if "
							+ op.table() + " holds values in "
							+ columnList(foreignKey.columns()) + " that " + foreignKey.referencedTable() + " lacks" : null)));
		}

		private List<RenderedStatement> notValidOrPlain(Operation op, RenderedStatement statement) {
			if (!this.notValid.contains(op)) {
				return List.of(statement);
			}
			this.validationWarnings.put(op, statement.warnings());
			return List.of(statement(statement.sql() + " NOT VALID"));
		}

		@Override
		public List<RenderedStatement> visitDropForeignKey(DropForeignKey op) {
			this.droppedKeys.add(foreignKeyKey(op.table(), op.foreignKey()));
			return List.of(statement(dropConstraint(op.table(), foreignKeyName(op.table(), op.foreignKey()))));
		}

		@Override
		public List<RenderedStatement> visitAddCheck(AddCheck op) {
			CheckConstraint check = op.check();
			return notValidOrPlain(op, statement(alterTable(op.table()) + "ADD CONSTRAINT " + quote(checkName(op.table(), check))
					+ " CHECK (" + check.expression() + ")",
					warnings(holdsRows(op.table()) && !widensADroppedCheck(op.table(), check) && !admitsConvertedEnum(op.table(), check)
							&& !boundsANewColumn(op.table(), check)
							? "fails if rows of " + op.table() + " violate it" + valuesNoLongerAdmitted(op.table(), check) : null)));
		}

		/**
		 * For a check replacing a dropped one that admitted other values of the same column (an enum constant or
		 * a discriminator value renamed or removed): which values the rows may still hold, and the update that
		 * moves them, as for the labels removed from a PostgreSQL enum.
		 */
		private String valuesNoLongerAdmitted(String table, CheckConstraint check) {
			ValueSetCheck added = ValueSetCheck.parse(check.expression()).filter((parsed) -> parsed.values() != null)
				.orElse(null);
			if (added == null) {
				return "";
			}
			for (CheckConstraint dropped : this.droppedChecks.getOrDefault(table, List.of())) {
				ValueSetCheck former = ValueSetCheck.parse(dropped.expression())
					.filter((parsed) -> parsed.values() != null && parsed.subject().equals(added.subject()))
					.orElse(null);
				if (former == null) {
					continue;
				}
				List<String> removed = former.values().stream().filter((value) -> !added.values().contains(value)).toList();
				List<String> gained = added.values().stream().filter((value) -> !former.values().contains(value)).toList();
				if (removed.isEmpty()) {
					return "";
				}
				String column = added.subject();
				String condition = (removed.size() == 1) ? " = " + removed.get(0) : " IN (" + String.join(", ", removed) + ")";
				String update = "UPDATE " + name(table) + " SET " + column + " = ";
				if (removed.size() == 1 && gained.size() == 1) {
					return ": rows holding " + removed.get(0) + " in " + column + ", which it no longer admits; if "
							+ removed.get(0) + " was renamed " + gained.get(0) + " (an enum constant or an entity, as a"
							+ " discriminator value), update them just before this statement: " + update + gained.get(0) + " WHERE " + column
							+ condition;
				}
				return ": rows holding " + String.join(" or ", removed) + " in " + column + ", which it no longer admits;"
						+ " update them just before this statement, e.g. " + update + "'<replacement>' WHERE " + column + condition;
			}
			return "";
		}

		/**
		 * Whether the check admits the values of an enum column the list converts to them (see {@link #enumLabels}),
		 * or the letters a boolean column is converted to (see {@link #booleanLetters}).
		 */
		private boolean admitsConvertedEnum(String table, CheckConstraint check) {
			return ValueSetCheck.parse(check.expression())
				.filter((parsed) -> this.enumLabels.containsKey(List.of(table, parsed.subject()))
						|| this.convertedFlags.contains(List.of(table, parsed.subject())))
				.isPresent();
		}

		/**
		 * Whether the check bounds the values of a column the list added without a default (an enum or a
		 * {@code @Min}/{@code @Max} field added to an entity), or admits any row where such a column is NULL
		 * ({@code preferences IS NULL OR ...}, Hibernate's check of an embeddable stored as JSON): the
		 * column holds only NULL, which the check admits.
		 */
		private boolean boundsANewColumn(String table, CheckConstraint check) {
			Matcher nullFirst = NULL_OR.matcher(check.expression());
			if (nullFirst.lookingAt() && this.nullColumns.contains(List.of(table, unquoted(nullFirst.group(1))))) {
				return true;
			}
			return ValueSetCheck.parse(check.expression())
				.filter((parsed) -> this.nullColumns.contains(List.of(table, unquoted(parsed.subject()))))
				.isPresent();
		}

		private static String unquoted(String identifier) {
			return (identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\""))
					? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
		}

		/** Whether the check admits everything a check the list dropped from the table admitted: the rows pass it. */
		private boolean widensADroppedCheck(String table, CheckConstraint check) {
			return this.droppedChecks.getOrDefault(table, List.of()).stream()
				.anyMatch((dropped) -> ValueSetCheck.admitsAllOf(check.expression(), dropped.expression()));
		}

		@Override
		public List<RenderedStatement> visitDropCheck(DropCheck op) {
			this.droppedChecks.computeIfAbsent(op.table(), (table) -> new ArrayList<>()).add(op.check());
			return List.of(statement(dropConstraint(op.table(), checkName(op.table(), op.check()))));
		}

		@Override
		public List<RenderedStatement> visitCreateSequence(CreateSequence op) {
			Sequence sequence = op.sequence();
			StringBuilder sql = new StringBuilder("CREATE SEQUENCE IF NOT EXISTS ").append(name(sequence.name()));
			SequenceDefaults defaults = SequenceDefaults.of(sequence.dataType(), sequence.increment());
			if (!"bigint".equals(sequence.dataType())) {
				sql.append(" AS ").append(sequence.dataType());
			}
			if (sequence.increment() != 1) {
				sql.append(" INCREMENT BY ").append(sequence.increment());
			}
			if (sequence.minValue() != defaults.min) {
				sql.append(" MINVALUE ").append(sequence.minValue());
			}
			if (sequence.maxValue() != defaults.max) {
				sql.append(" MAXVALUE ").append(sequence.maxValue());
			}
			long defaultStart = (sequence.increment() > 0) ? sequence.minValue() : sequence.maxValue();
			if (sequence.start() != defaultStart) {
				sql.append(" START WITH ").append(sequence.start());
			}
			if (sequence.cache() != 1) {
				sql.append(" CACHE ").append(sequence.cache());
			}
			if (sequence.cycle()) {
				sql.append(" CYCLE");
			}
			return List.of(statement(sql.toString()));
		}

		@Override
		public List<RenderedStatement> visitDropSequence(DropSequence op) {
			return List.of(statement("DROP SEQUENCE IF EXISTS " + name(op.sequence().name()),
					warnings("drops sequence " + op.sequence().name() + "; its current value is lost")));
		}

		@Override
		public List<RenderedStatement> visitAlterSequence(AlterSequence op) {
			Sequence existing = op.existing();
			Sequence target = op.target();
			StringBuilder sql = new StringBuilder("ALTER SEQUENCE ").append(name(target.name()));
			if (!existing.dataType().equals(target.dataType())) {
				sql.append(" AS ").append(target.dataType());
			}
			if (existing.increment() != target.increment()) {
				sql.append(" INCREMENT BY ").append(target.increment());
			}
			if (existing.minValue() != target.minValue()) {
				sql.append(" MINVALUE ").append(target.minValue());
			}
			if (existing.maxValue() != target.maxValue()) {
				sql.append(" MAXVALUE ").append(target.maxValue());
			}
			// START only sets where RESTART goes back to, never the current value: an existing sequence keeps its own
			if (existing.cache() != target.cache()) {
				sql.append(" CACHE ").append(target.cache());
			}
			if (existing.cycle() != target.cycle()) {
				sql.append(target.cycle() ? " CYCLE" : " NO CYCLE");
			}
			return List.of(statement(sql.toString()));
		}

		@Override
		public List<RenderedStatement> visitRenameSequence(RenameSequence op) {
			List<String> warnings = new ArrayList<>();
			if (op.proposed()) {
				warnings.add("probable rename: sequences " + op.from() + " and " + op.to() + " have the same definition;"
						+ " renaming keeps the current value, so new ids do not collide with rows numbered from " + op.from()
						+ "; if this is not a rename, replace this statement with: " + oneLine(op.alternative()));
			}
			return List.of(statement("ALTER SEQUENCE " + name(op.from()) + " RENAME TO " + quote(op.to()), warnings));
		}

		@Override
		public List<RenderedStatement> visitRenameConstraint(RenameConstraint op) {
			if (op.index()) {
				return List.of(statement("ALTER INDEX " + name(op.from()) + " RENAME TO " + quote(op.to())));
			}
			return List.of(statement(alterTable(op.table()) + "RENAME CONSTRAINT " + quote(op.from()) + " TO " + quote(op.to())));
		}

		@Override
		public List<RenderedStatement> visitCreateEnumType(CreateEnumType op) {
			List<RenderedStatement> statements = new ArrayList<>();
			statements.add(statement("CREATE TYPE " + name(op.type().name()) + " AS ENUM " + labels(op.type().values())));
			for (EnumCast cast : op.type().casts()) {
				statements.add(createCast(cast, name(op.type().name())));
			}
			return statements;
		}

		@Override
		public List<RenderedStatement> visitDropEnumType(DropEnumType op) {
			List<RenderedStatement> statements = new ArrayList<>();
			for (EnumCast cast : op.type().casts()) {
				statements.add(dropCast(cast, name(op.type().name())));
			}
			statements.add(statement("DROP TYPE IF EXISTS " + name(op.type().name())));
			return statements;
		}

		private RenderedStatement createCast(EnumCast cast, String enumType) {
			String context = switch (cast.context()) {
				case IMPLICIT -> " AS IMPLICIT";
				case ASSIGNMENT -> " AS ASSIGNMENT";
				case EXPLICIT -> "";
			};
			return statement("CREATE CAST " + castTypes(cast, enumType) + " WITH INOUT" + context);
		}

		private RenderedStatement dropCast(EnumCast cast, String enumType) {
			return statement("DROP CAST IF EXISTS " + castTypes(cast, enumType));
		}

		private static String castTypes(EnumCast cast, String enumType) {
			return cast.toEnum() ? "(" + cast.otherType() + " AS " + enumType + ")"
					: "(" + enumType + " AS " + cast.otherType() + ")";
		}

		@Override
		public List<RenderedStatement> visitAddEnumValue(AddEnumValue op) {
			StringBuilder sql = new StringBuilder("ALTER TYPE ").append(name(op.type())).append(" ADD VALUE IF NOT EXISTS ")
				.append(literal(op.value()));
			if (op.before() != null) {
				sql.append(" BEFORE ").append(literal(op.before()));
			}
			else if (op.after() != null) {
				sql.append(" AFTER ").append(literal(op.after()));
			}
			return List.of(statement(sql.toString()));
		}

		@Override
		public List<RenderedStatement> visitDropEnumValue(DropEnumValue op) {
			return visitRecreateEnumType(op.asRecreate());
		}

		@Override
		public List<RenderedStatement> visitRecreateEnumType(RecreateEnumType op) {
			String type = op.type();
			String oldName = ConstraintNames.truncate(type + "_old");
			List<String> removed = op.removedValues();
			List<String> warnings = new ArrayList<>();
			for (EnumUsage usage : op.usages()) {
				if (!removed.isEmpty()) {
					warnings.add(removalWarning(usage, removed));
				}
			}
			List<RenderedStatement> statements = new ArrayList<>();
			for (EnumUsage usage : op.usages()) {
				if (usage.defaultExpression() != null) {
					statements.add(statement(alterTable(usage.table()) + "ALTER COLUMN " + quote(usage.column())
							+ " DROP DEFAULT"));
				}
			}
			statements.add(statement("ALTER TYPE " + name(type) + " RENAME TO " + quote(oldName)));
			statements.add(statement("CREATE TYPE " + name(type) + " AS ENUM " + labels(op.newValues())));
			for (EnumCast cast : op.casts()) {
				statements.add(createCast(cast, name(type)));
			}
			// One ALTER TABLE per table, so each table is rewritten once.
			Map<String, List<String>> conversions = new LinkedHashMap<>();
			for (EnumUsage usage : op.usages()) {
				String dimensions = usage.array() ? "[]" : "";
				String column = quote(usage.column());
				conversions.computeIfAbsent(usage.table(), (table) -> new ArrayList<>())
					.add("ALTER COLUMN " + column + " TYPE " + name(type) + dimensions + " USING " + column + "::text"
							+ dimensions + "::" + name(type) + dimensions);
			}
			conversions.forEach((table, clauses) -> statements.add(statement(alterTable(table)
					+ String.join(",\n    ", clauses))));
			for (EnumUsage usage : op.usages()) {
				String restored = usage.defaultAfter();
				if (restored == null) {
					continue;
				}
				String removedLabel = removed.stream().filter((value) -> restored.contains(literal(value) + "::"))
					.findFirst().orElse(null);
				if (removedLabel != null) {
					warnings.add("the default " + restored + " of " + usage.table() + "." + usage.column()
							+ " is not restored: " + literal(removedLabel) + " is no longer a label of " + type);
					continue;
				}
				statements.add(statement(alterTable(usage.table()) + "ALTER COLUMN " + quote(usage.column())
						+ " SET DEFAULT " + restored));
			}
			// the casts followed the old type when it was renamed, and would keep it from being dropped
			for (EnumCast cast : op.casts()) {
				statements.add(dropCast(cast, name(oldName)));
			}
			statements.add(statement("DROP TYPE IF EXISTS " + name(oldName)));
			if (!warnings.isEmpty()) {
				statements.set(0, statement(statements.get(0).sql(), warnings));
			}
			return statements;
		}

		@Override
		public List<RenderedStatement> visitRenameEnumValue(RenameEnumValue op) {
			List<String> warnings = new ArrayList<>();
			if (op.proposed()) {
				warnings.add("probable rename: " + literal(op.from()) + " and " + literal(op.to()) + " of " + op.type()
						+ " are at the same place, so rows holding " + literal(op.from()) + " will hold " + literal(op.to())
						// the swap alone fails on those rows and on checks and indexes naming the label: the differ
						// writes it with what goes with it
						+ "; if this is not a rename, write the revision again with `db migrate --no-renames` (or answer n"
						+ " in the shell): it recreates the type without " + literal(op.from()) + " and says what to do"
						+ " with the rows holding it");
			}
			return List.of(statement("ALTER TYPE " + name(op.type()) + " RENAME VALUE " + literal(op.from()) + " TO "
					+ literal(op.to()), warnings));
		}

		private String removalWarning(EnumUsage usage, List<String> removed) {
			String table = name(usage.table());
			String column = quote(usage.column());
			String values = removed.stream().map(PostgresIdentifiers::literal).collect(Collectors.joining(", "));
			String holding = (removed.size() == 1) ? values : "any of " + values;
			if (usage.array()) {
				String update = column;
				for (String value : removed) {
					update = "array_remove(" + update + ", " + literal(value) + ")";
				}
				return "rows of " + usage.table() + " holding " + holding + " in " + usage.column() + " will fail this"
						+ " conversion: update them first, e.g. UPDATE " + table + " SET " + column + " = " + update;
			}
			String condition = (removed.size() == 1) ? " = " + values : " IN (" + values + ")";
			return "rows of " + usage.table() + " holding " + holding + " in " + usage.column() + " will fail this"
					+ " conversion: update them first, e.g. UPDATE " + table + " SET " + column + " = '<replacement>' WHERE "
					+ column + condition;
		}

		@Override
		public List<RenderedStatement> visitSetTableComment(SetTableComment op) {
			return List.of(statement("COMMENT ON TABLE " + name(op.table()) + " IS " + literal(op.target())));
		}

		@Override
		public List<RenderedStatement> visitSetColumnComment(SetColumnComment op) {
			return List.of(columnComment(op.table(), op.column(), op.target()));
		}

		@Override
		public List<RenderedStatement> visitDropView(Operation.DropView op) {
			if (!op.view().blockedBy().isEmpty()) {
				return List.of(statement(op.view().drop(), warnings(op.view().blockedWarning())));
			}
			return List.of(statement(op.view().drop()));
		}

		@Override
		public List<RenderedStatement> visitCreateView(Operation.CreateView op) {
			List<RenderedStatement> statements = new ArrayList<>();
			statements.add(statement(op.view().create()));
			op.view().afterCreate().forEach((sql) -> statements.add(statement(sql)));
			return statements;
		}

	}

	/** PostgreSQL's defaults for sequence bounds, so only what differs is written. */
	private static final class SequenceDefaults {

		final long min;

		final long max;

		private SequenceDefaults(long min, long max) {
			this.min = min;
			this.max = max;
		}

		static SequenceDefaults of(String dataType, long increment) {
			long typeMax = switch (dataType) {
				case "smallint" -> Short.MAX_VALUE;
				case "integer" -> Integer.MAX_VALUE;
				default -> Long.MAX_VALUE;
			};
			long typeMin = switch (dataType) {
				case "smallint" -> Short.MIN_VALUE;
				case "integer" -> Integer.MIN_VALUE;
				default -> Long.MIN_VALUE;
			};
			return (increment > 0) ? new SequenceDefaults(1, typeMax) : new SequenceDefaults(typeMin, -1);
		}

	}

}
