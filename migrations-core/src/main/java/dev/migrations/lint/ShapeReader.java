package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.lint.Shape.Action;
import dev.migrations.lint.Shape.ColumnDefinition;
import dev.migrations.lint.Shape.Constraint;
import dev.migrations.lint.Shape.ConstraintKind;

/**
 * Recognises the shape of one PostgreSQL statement from its tokens: a small recogniser of the DDL and
 * DML forms that matter for locks, not a parser of the whole grammar. It tolerates comments, quoting,
 * {@code IF [NOT] EXISTS}, {@code ONLY} and schema-qualified names; whatever it does not recognise is
 * {@link Shape.Other}, which no rule flags.
 */
final class ShapeReader {

	/** Words that end a column's type in a column definition. */
	private static final Set<String> AFTER_TYPE = Set.of("collate", "constraint", "not", "null", "default", "check",
			"unique", "primary", "references", "generated", "compression", "storage", "deferrable", "initially");

	/** Words that end a column's default expression. */
	private static final Set<String> AFTER_DEFAULT = Set.of("constraint", "not", "null", "check", "unique", "primary",
			"references", "generated", "collate", "deferrable", "initially");

	private static final Set<String> TABLE_CONSTRAINT_START = Set.of("constraint", "check", "unique", "primary", "foreign",
			"exclude");

	private ShapeReader() {
	}

	static Shape read(List<Token> tokens) {
		SqlCursor c = new SqlCursor(tokens);
		if (c.at("with")) {
			// a data-modifying statement after common table expressions
			while (!c.atEnd() && !(c.at("update") || c.at("delete") || c.at("insert") || c.at("select") || c.at("merge"))) {
				if (!c.skipGroup()) {
					c.next();
				}
			}
		}
		Token first = c.peek();
		if (first == null || first.kind() != Token.Kind.WORD) {
			return new Shape.Other();
		}
		return switch (first.value()) {
			case "create" -> create(c);
			case "drop" -> drop(c);
			case "alter" -> alter(c);
			case "reindex" -> reindex(c);
			case "update" -> update(c);
			case "delete" -> delete(c);
			case "set" -> set(c);
			case "reset" -> reset(c);
			case "select" -> selectSetConfig(c);
			case "begin", "start", "commit", "end", "rollback", "abort", "prepare" -> transactionControl(c);
			case "vacuum" -> vacuum(c);
			case "refresh" -> refresh(c);
			case "truncate" -> truncate(c);
			case "lock" -> lockTable(c);
			case "cluster" -> cluster(c);
			default -> new Shape.Other();
		};
	}

	private static Shape create(SqlCursor c) {
		c.accept("create");
		c.accept("or", "replace");
		if (c.at("unique") || c.at("index")) {
			return createIndex(c);
		}
		c.acceptAny("global", "local");
		c.acceptAny("temporary", "temp", "unlogged");
		if (c.accept("table")) {
			return createTable(c);
		}
		if (c.accept("materialized", "view")) {
			// known as new, like a table: refreshing it in the same revision locks nobody out
			boolean ifNotExists = c.accept("if", "not", "exists");
			Name view = c.name();
			return (view != null) ? new Shape.CreateTable(view, ifNotExists, List.of(), List.of(), List.of())
					: new Shape.Other();
		}
		if (c.accept("database")) {
			return new Shape.NoTransaction("CREATE DATABASE");
		}
		if (c.accept("type")) {
			Name type = c.name();
			return (type != null) ? new Shape.CreateType(type) : new Shape.Other();
		}
		if (c.accept("tablespace")) {
			return new Shape.NoTransaction("CREATE TABLESPACE");
		}
		c.accept("constraint");
		if (c.accept("trigger")) {
			c.identifier();
			Name table = nameAfter(c, "on");
			return (table != null) ? new Shape.Locking("CREATE TRIGGER", table, LockMode.SHARE_ROW_EXCLUSIVE)
					: new Shape.Other();
		}
		if (c.accept("policy")) {
			c.identifier();
			Name table = nameAfter(c, "on");
			return (table != null) ? new Shape.Locking("CREATE POLICY", table, LockMode.ACCESS_EXCLUSIVE) : new Shape.Other();
		}
		if (c.accept("rule")) {
			c.identifier();
			Name table = nameAfter(c, "to");
			return (table != null) ? new Shape.Locking("CREATE RULE", table, LockMode.ACCESS_EXCLUSIVE) : new Shape.Other();
		}
		return new Shape.Other();
	}

	/** Skips ahead to the top-level word {@code keyword} and reads the name after it. */
	private static Name nameAfter(SqlCursor c, String keyword) {
		while (!c.atEnd() && !c.at(keyword)) {
			if (!c.skipGroup()) {
				c.next();
			}
		}
		if (!c.accept(keyword)) {
			return null;
		}
		c.accept("only");
		return c.name();
	}

	private static Shape createIndex(SqlCursor c) {
		boolean unique = c.accept("unique");
		Token index = c.next();
		if (index == null || !index.is("index")) {
			return new Shape.Other();
		}
		int concurrentlyAt = index.end();
		boolean concurrently = c.accept("concurrently");
		c.accept("if", "not", "exists");
		Name name = c.at("on") ? null : c.name();
		if (!c.accept("on")) {
			return new Shape.Other();
		}
		boolean only = c.accept("only");
		Name table = c.name();
		if (table == null) {
			return new Shape.Other();
		}
		if (c.accept("using")) {
			c.identifier();
		}
		return new Shape.CreateIndex(name, table, unique, concurrently, only, concurrentlyAt, indexColumns(c.group()));
	}

	/** The columns of an index's elements ({@code email}, {@code id DESC}, {@code name text_pattern_ops}); none when one is an expression. */
	private static List<String> indexColumns(SqlCursor elements) {
		if (elements == null) {
			return List.of();
		}
		List<String> columns = new ArrayList<>();
		for (SqlCursor element : elements.splitAtCommas()) {
			if (element.atSymbol("(")) {
				return List.of();
			}
			String column = element.identifier();
			if (column == null || element.atSymbol("(")) {
				return List.of();
			}
			columns.add(column);
		}
		return columns;
	}

	private static Shape createTable(SqlCursor c) {
		boolean ifNotExists = c.accept("if", "not", "exists");
		Name table = c.name();
		if (table == null) {
			return new Shape.Other();
		}
		List<ColumnDefinition> columns = new ArrayList<>();
		List<Constraint> constraints = new ArrayList<>();
		SqlCursor body = c.group();
		if (body != null) {
			for (SqlCursor element : body.splitAtCommas()) {
				if (element.at("like")) {
					continue;
				}
				Token start = element.peek();
				if (start != null && start.kind() == Token.Kind.WORD && TABLE_CONSTRAINT_START.contains(start.value())) {
					constraints.add(tableConstraint(element));
				}
				else {
					ColumnDefinition column = columnDefinition(element);
					if (column != null) {
						columns.add(column);
					}
				}
			}
		}
		List<Name> references = new ArrayList<>();
		for (Constraint constraint : constraints) {
			if (constraint.references() != null) {
				references.add(constraint.references());
			}
		}
		for (ColumnDefinition column : columns) {
			for (Constraint constraint : column.constraints()) {
				if (constraint.references() != null) {
					references.add(constraint.references());
				}
			}
		}
		return new Shape.CreateTable(table, ifNotExists, columns, constraints, references);
	}

	private static ColumnDefinition columnDefinition(SqlCursor c) {
		String name = c.identifier();
		if (name == null) {
			return null;
		}
		List<Token> typeTokens = c.until((t) -> t.kind() == Token.Kind.WORD && AFTER_TYPE.contains(t.value()));
		ColumnType type = ColumnType.of(typeTokens);
		List<Token> defaultExpression = List.of();
		boolean notNull = false;
		boolean identity = false;
		boolean stored = false;
		List<Constraint> constraints = new ArrayList<>();
		String constraintName = null;
		while (!c.atEnd()) {
			if (c.accept("constraint")) {
				constraintName = c.identifier();
				continue;
			}
			if (c.accept("not", "null")) {
				notNull = true;
			}
			else if (c.accept("null")) {
				// explicitly nullable
			}
			else if (c.accept("default")) {
				List<Token> expression = new ArrayList<>();
				Token first = c.peek();
				if (first != null) {
					// the first token always belongs to the expression (DEFAULT NULL, DEFAULT NOT true)
					if (first.isSymbol("(")) {
						expression.addAll(c.groupTokens());
					}
					else {
						expression.add(c.next());
					}
					expression.addAll(c.until((t) -> t.kind() == Token.Kind.WORD && AFTER_DEFAULT.contains(t.value())));
				}
				boolean nullDefault = expression.size() == 1 && expression.get(0).is("null");
				defaultExpression = nullDefault ? List.of() : List.copyOf(expression);
			}
			else if (c.accept("primary", "key")) {
				notNull = true;
				skipIndexParameters(c);
				constraints.add(new Constraint(constraintName, ConstraintKind.PRIMARY_KEY, false, null, null, null, null));
			}
			else if (c.accept("unique")) {
				skipNullsDistinct(c);
				skipIndexParameters(c);
				constraints.add(new Constraint(constraintName, ConstraintKind.UNIQUE, false, null, null, null, null));
			}
			else if (c.accept("check")) {
				List<Token> expression = c.groupTokens();
				c.accept("no", "inherit");
				constraints.add(new Constraint(constraintName, ConstraintKind.CHECK, false, null, null,
						notNullColumn(expression), SqlCursor.text(expression)));
			}
			else if (c.accept("references")) {
				Name referenced = c.name();
				skipReferenceClauses(c);
				constraints.add(new Constraint(constraintName, ConstraintKind.FOREIGN_KEY, false, null, referenced, null, null));
			}
			else if (c.accept("generated")) {
				c.acceptAny("always");
				c.accept("by", "default");
				c.accept("as");
				if (c.accept("identity")) {
					identity = true;
					c.skipGroup();
				}
				else {
					c.skipGroup();
					stored = c.accept("stored");
				}
			}
			else {
				// COLLATE x, COMPRESSION x, STORAGE x, DEFERRABLE, INITIALLY DEFERRED, ...
				if (!c.skipGroup()) {
					c.next();
				}
				continue;
			}
			constraintName = null;
		}
		return new ColumnDefinition(name, type, defaultExpression, notNull, identity, stored, constraints);
	}

	private static Constraint tableConstraint(SqlCursor c) {
		String name = c.accept("constraint") ? c.identifier() : null;
		ConstraintKind kind;
		String usingIndex = null;
		Name references = null;
		String notNullColumn = null;
		String columns = null;
		if (c.accept("check")) {
			kind = ConstraintKind.CHECK;
			List<Token> expression = c.groupTokens();
			columns = SqlCursor.text(expression);
			notNullColumn = notNullColumn(expression);
		}
		else if (c.at("unique") || c.at("primary")) {
			kind = c.accept("unique") ? ConstraintKind.UNIQUE : ConstraintKind.PRIMARY_KEY;
			c.accept("primary", "key");
			skipNullsDistinct(c);
			if (c.accept("using", "index")) {
				usingIndex = c.identifier();
			}
			else {
				columns = SqlCursor.text(c.groupTokens());
			}
		}
		else if (c.accept("foreign", "key")) {
			kind = ConstraintKind.FOREIGN_KEY;
			columns = SqlCursor.text(c.groupTokens());
			if (c.accept("references")) {
				references = c.name();
			}
		}
		else if (c.accept("exclude")) {
			kind = ConstraintKind.EXCLUDE;
		}
		else {
			kind = ConstraintKind.CHECK;
		}
		boolean notValid = false;
		while (!c.atEnd()) {
			if (c.accept("not", "valid")) {
				notValid = true;
			}
			else if (!c.skipGroup()) {
				c.next();
			}
		}
		return new Constraint(name, kind, notValid, usingIndex, references, notNullColumn, columns);
	}

	private static void skipNullsDistinct(SqlCursor c) {
		if (c.accept("nulls")) {
			c.accept("not");
			c.accept("distinct");
		}
	}

	private static void skipIndexParameters(SqlCursor c) {
		while (c.accept("include") || c.accept("with")) {
			c.skipGroup();
		}
		if (c.accept("using", "index", "tablespace")) {
			c.identifier();
		}
	}

	private static void skipReferenceClauses(SqlCursor c) {
		c.skipGroup();
		while (!c.atEnd()) {
			if (c.accept("match")) {
				c.next();
			}
			else if (c.accept("on")) {
				c.acceptAny("delete", "update");
				if (c.accept("set")) {
					c.acceptAny("null", "default");
					c.skipGroup();
				}
				else if (!c.accept("no", "action")) {
					c.acceptAny("cascade", "restrict");
				}
			}
			else {
				return;
			}
		}
	}

	/** The column of {@code column IS NOT NULL} (any parentheses around it), else {@code null}. */
	static String notNullColumn(List<Token> expression) {
		List<Token> tokens = new ArrayList<>(expression);
		while (tokens.size() > 2 && tokens.get(0).isSymbol("(")
				&& SqlCursor.closing(tokens, 0) == tokens.size() - 1) {
			tokens = new ArrayList<>(tokens.subList(1, tokens.size() - 1));
		}
		if (tokens.size() == 4 && tokens.get(0).isIdentifier() && tokens.get(1).is("is") && tokens.get(2).is("not")
				&& tokens.get(3).is("null")) {
			return tokens.get(0).value();
		}
		return null;
	}

	private static Shape drop(SqlCursor c) {
		c.accept("drop");
		if (c.accept("index")) {
			int concurrentlyAt = c.previous().end();
			boolean concurrently = c.accept("concurrently");
			c.accept("if", "exists");
			List<Name> names = names(c);
			return names.isEmpty() ? new Shape.Other() : new Shape.DropIndex(names, concurrently, concurrentlyAt);
		}
		if (c.accept("table")) {
			c.accept("if", "exists");
			List<Name> names = names(c);
			return names.isEmpty() ? new Shape.Other() : new Shape.DropTable(names);
		}
		if (c.accept("database")) {
			return new Shape.NoTransaction("DROP DATABASE");
		}
		if (c.accept("tablespace")) {
			return new Shape.NoTransaction("DROP TABLESPACE");
		}
		String kind = c.acceptAny("trigger", "policy", "rule");
		if (kind != null) {
			c.accept("if", "exists");
			c.identifier();
			Name table = nameAfter(c, "on");
			return (table != null) ? new Shape.Locking("DROP " + kind.toUpperCase(Locale.ROOT), table,
					LockMode.ACCESS_EXCLUSIVE) : new Shape.Other();
		}
		return new Shape.Other();
	}

	/** Comma-separated names up to the end or {@code CASCADE}/{@code RESTRICT}. */
	private static List<Name> names(SqlCursor c) {
		List<Name> names = new ArrayList<>();
		while (!c.atEnd()) {
			Name name = c.name();
			if (name == null) {
				break;
			}
			names.add(name);
			if (!c.acceptSymbol(",")) {
				break;
			}
		}
		return names;
	}

	private static Shape alter(SqlCursor c) {
		c.accept("alter");
		if (c.accept("system")) {
			return new Shape.NoTransaction("ALTER SYSTEM");
		}
		if (c.accept("policy")) {
			c.identifier();
			Name table = nameAfter(c, "on");
			return (table != null) ? new Shape.Locking("ALTER POLICY", table, LockMode.ACCESS_EXCLUSIVE) : new Shape.Other();
		}
		if (c.accept("type")) {
			return alterType(c);
		}
		if (!c.accept("table")) {
			return new Shape.Other();
		}
		c.accept("if", "exists");
		c.accept("only");
		Name table = c.name();
		if (table == null) {
			return new Shape.Other();
		}
		c.acceptSymbol("*");
		if (c.at("rename")) {
			return new Shape.AlterTable(table, List.of(rename(c)));
		}
		if (c.accept("set", "schema")) {
			return new Shape.AlterTable(table, List.of(new Shape.OtherAction("SET SCHEMA", LockMode.ACCESS_EXCLUSIVE)));
		}
		List<Action> actions = new ArrayList<>();
		for (SqlCursor action : c.splitAtCommas()) {
			actions.add(action(action));
		}
		return new Shape.AlterTable(table, actions);
	}

	private static Action rename(SqlCursor c) {
		c.accept("rename");
		if (c.accept("to")) {
			String to = c.identifier();
			return (to != null) ? new Shape.RenameTable(to) : new Shape.OtherAction("RENAME", LockMode.ACCESS_EXCLUSIVE);
		}
		if (c.accept("constraint")) {
			return new Shape.OtherAction("RENAME CONSTRAINT", LockMode.ACCESS_EXCLUSIVE);
		}
		c.accept("column");
		String from = c.identifier();
		String to = c.accept("to") ? c.identifier() : null;
		return (from != null && to != null) ? new Shape.RenameColumn(from, to)
				: new Shape.OtherAction("RENAME", LockMode.ACCESS_EXCLUSIVE);
	}

	private static Action action(SqlCursor c) {
		if (c.accept("add")) {
			Token next = c.peek();
			boolean exclusion = next != null && next.is("exclude") && c.peek(1) != null
					&& (c.peek(1).is("using") || c.peek(1).isSymbol("("));
			if (next != null && next.kind() == Token.Kind.WORD && TABLE_CONSTRAINT_START.contains(next.value())
					&& (!next.is("exclude") || exclusion)) {
				return new Shape.AddConstraint(tableConstraint(c));
			}
			c.accept("column");
			c.accept("if", "not", "exists");
			ColumnDefinition column = columnDefinition(c);
			return (column != null) ? new Shape.AddColumn(column) : new Shape.OtherAction("ADD", LockMode.ACCESS_EXCLUSIVE);
		}
		if (c.accept("drop")) {
			if (c.accept("constraint")) {
				c.accept("if", "exists");
				String name = c.identifier();
				return (name != null) ? new Shape.DropConstraint(name)
						: new Shape.OtherAction("DROP CONSTRAINT", LockMode.ACCESS_EXCLUSIVE);
			}
			c.accept("column");
			c.accept("if", "exists");
			String column = c.identifier();
			return (column != null) ? new Shape.DropColumn(column) : new Shape.OtherAction("DROP", LockMode.ACCESS_EXCLUSIVE);
		}
		if (c.accept("alter")) {
			if (c.accept("constraint")) {
				return new Shape.OtherAction("ALTER CONSTRAINT", LockMode.ACCESS_EXCLUSIVE);
			}
			c.accept("column");
			String column = c.identifier();
			if (column == null) {
				return new Shape.OtherAction("ALTER", LockMode.ACCESS_EXCLUSIVE);
			}
			if (c.accept("set", "data", "type") || c.accept("type")) {
				return alterType(column, c);
			}
			if (c.accept("set", "not", "null")) {
				return new Shape.SetNotNull(column);
			}
			if (c.at("set") && c.peek(1) != null && (c.peek(1).is("statistics") || c.peek(1).isSymbol("("))
					|| c.at("reset")) {
				return new Shape.OtherAction("ALTER COLUMN SET", LockMode.SHARE_UPDATE_EXCLUSIVE);
			}
			return new Shape.OtherAction("ALTER COLUMN", LockMode.ACCESS_EXCLUSIVE);
		}
		if (c.accept("validate", "constraint")) {
			String name = c.identifier();
			return (name != null) ? new Shape.ValidateConstraint(name)
					: new Shape.OtherAction("VALIDATE", LockMode.SHARE_UPDATE_EXCLUSIVE);
		}
		if (c.accept("detach", "partition")) {
			c.name();
			return new Shape.DetachPartition(c.accept("concurrently"));
		}
		if (c.accept("attach", "partition")) {
			return new Shape.OtherAction("ATTACH PARTITION", LockMode.SHARE_UPDATE_EXCLUSIVE);
		}
		if (c.accept("set", "logged")) {
			return new Shape.RewriteAction("SET LOGGED");
		}
		if (c.accept("set", "unlogged")) {
			return new Shape.RewriteAction("SET UNLOGGED");
		}
		if (c.at("enable") || c.at("disable")) {
			c.next();
			c.acceptAny("always", "replica");
			return c.at("trigger") ? new Shape.OtherAction("ENABLE/DISABLE TRIGGER", LockMode.SHARE_ROW_EXCLUSIVE)
					: new Shape.OtherAction("ENABLE/DISABLE", LockMode.ACCESS_EXCLUSIVE);
		}
		if (c.at("set") && c.peek(1) != null && (c.peek(1).isSymbol("(") || c.peek(1).is("without"))
				|| c.at("reset") || c.at("cluster")) {
			return new Shape.OtherAction("SET", LockMode.SHARE_UPDATE_EXCLUSIVE);
		}
		return new Shape.OtherAction("ALTER TABLE", LockMode.ACCESS_EXCLUSIVE);
	}

	private static Action alterType(String column, SqlCursor c) {
		List<Token> typeTokens = c.until((t) -> t.is("collate") || t.is("using"));
		ColumnType type = ColumnType.of(typeTokens);
		if (c.accept("collate")) {
			c.name();
		}
		boolean using = false;
		if (c.accept("using")) {
			using = !isPlainConversion(c.rest(), column, type);
		}
		return new Shape.AlterColumnType(column, type, using);
	}

	/**
	 * Whether {@code USING} gives the conversion the server would pick itself: the column alone, or
	 * one cast of it to the new type ({@code col::text::mood} converts through text: not plain).
	 */
	private static boolean isPlainConversion(List<Token> expression, String column, ColumnType type) {
		if (expression.isEmpty() || !expression.get(0).isIdentifier() || !expression.get(0).value().equals(column)) {
			return false;
		}
		if (expression.size() == 1) {
			return true;
		}
		List<Token> cast = expression.subList(2, expression.size());
		if (!expression.get(1).isSymbol("::") || cast.stream().anyMatch((t) -> t.isSymbol("::"))) {
			return false;
		}
		ColumnType target = ColumnType.of(cast);
		return target.name().equals(type.name()) && target.modifiers().equals(type.modifiers())
				&& target.arrayDimensions() == type.arrayDimensions();
	}

	private static Shape reindex(SqlCursor c) {
		c.accept("reindex");
		SqlCursor options = c.group();
		boolean concurrently = options != null && options.restContains("concurrently");
		String kind = c.acceptAny("index", "table", "schema", "database", "system");
		if (kind == null) {
			return new Shape.Other();
		}
		concurrently |= c.accept("concurrently");
		Name target = c.name();
		return new Shape.Reindex(kind, target, concurrently);
	}

	private static Shape update(SqlCursor c) {
		c.accept("update");
		c.accept("only");
		Name table = c.name();
		if (table == null) {
			return new Shape.Other();
		}
		return new Shape.Update(table, bounded(c));
	}

	private static Shape delete(SqlCursor c) {
		c.accept("delete");
		if (!c.accept("from")) {
			return new Shape.Other();
		}
		c.accept("only");
		Name table = c.name();
		if (table == null) {
			return new Shape.Other();
		}
		return new Shape.Delete(table, bounded(c));
	}

	/**
	 * Whether the {@code WHERE} clause limits the statement to a batch: a range ({@code <}, {@code >},
	 * {@code BETWEEN}), a {@code LIMIT}ed subquery, or keys ({@code =} or {@code IN} constants).
	 */
	private static boolean bounded(SqlCursor c) {
		c.until((t) -> t.is("where"));
		if (!c.accept("where")) {
			return false;
		}
		List<Token> condition = c.until((t) -> t.is("returning"));
		for (int i = 0; i < condition.size(); i++) {
			Token token = condition.get(i);
			if (token.is("limit") || token.is("between") || token.isSymbol("<") || token.isSymbol(">")
					|| token.isSymbol("<=") || token.isSymbol(">=")) {
				return true;
			}
			Token next = (i + 1 < condition.size()) ? condition.get(i + 1) : null;
			if (token.isSymbol("=") && next != null && isConstant(next)) {
				return true;
			}
			if (token.is("in") && next != null && next.isSymbol("(") && i + 2 < condition.size()
					&& isConstant(condition.get(i + 2))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConstant(Token token) {
		return token.kind() == Token.Kind.NUMBER || token.kind() == Token.Kind.STRING
				|| token.kind() == Token.Kind.PARAMETER;
	}

	private static Shape set(SqlCursor c) {
		c.accept("set");
		boolean local = "local".equals(c.acceptAny("local", "session"));
		if (!c.accept("lock_timeout")) {
			return new Shape.Other();
		}
		if (!c.accept("to")) {
			c.acceptSymbol("=");
		}
		Token value = c.next();
		return new Shape.SetLockTimeout(value != null && !value.is("default") && !isZero(value), local);
	}

	private static Shape reset(SqlCursor c) {
		c.accept("reset");
		return (c.at("lock_timeout") || c.at("all")) ? new Shape.SetLockTimeout(false, false) : new Shape.Other();
	}

	/** {@code SELECT set_config('lock_timeout', value, is_local)}. */
	private static Shape selectSetConfig(SqlCursor c) {
		c.accept("select");
		c.accept("pg_catalog");
		c.acceptSymbol(".");
		if (!c.accept("set_config")) {
			return new Shape.Other();
		}
		SqlCursor arguments = c.group();
		if (arguments == null) {
			return new Shape.Other();
		}
		List<SqlCursor> parts = arguments.splitAtCommas();
		if (parts.size() != 3 || parts.get(0).peek() == null || parts.get(0).peek().kind() != Token.Kind.STRING
				|| !unquote(parts.get(0).peek().text()).equalsIgnoreCase("lock_timeout")) {
			return new Shape.Other();
		}
		Token value = parts.get(1).peek();
		boolean enabled = value != null && !isZero(value);
		return new Shape.SetLockTimeout(enabled, parts.get(2).at("true"));
	}

	/** Whether a setting's value is zero ({@code 0}, {@code '0'}, {@code '0ms'}): no limit. */
	private static boolean isZero(Token value) {
		String text = (value.kind() == Token.Kind.STRING) ? unquote(value.text()) : value.text();
		int digits = 0;
		while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
			digits++;
		}
		return digits > 0 && text.substring(0, digits).chars().allMatch((ch) -> ch == '0');
	}

	private static String unquote(String literal) {
		return (literal.length() >= 2 && literal.startsWith("'")) ? literal.substring(1, literal.length() - 1).replace("''", "'")
				: literal;
	}

	private static Shape transactionControl(SqlCursor c) {
		Token first = c.next();
		if (first.is("start") && !c.at("transaction")) {
			return new Shape.Other();
		}
		if (first.is("prepare") && !c.at("transaction")) {
			// PREPARE name AS ...: a prepared statement
			return new Shape.Other();
		}
		if (first.is("rollback") && c.at("to")) {
			return new Shape.Other();
		}
		return new Shape.TransactionControl(first.value().toUpperCase(Locale.ROOT));
	}

	/** {@code ALTER TYPE name RENAME VALUE 'from' TO 'to'}; the type's other forms lock no table. */
	private static Shape alterType(SqlCursor c) {
		Name type = c.name();
		if (type == null || !c.accept("rename", "value")) {
			return new Shape.Other();
		}
		Token from = c.next();
		if (from == null || from.kind() != Token.Kind.STRING || !c.accept("to")) {
			return new Shape.Other();
		}
		Token to = c.next();
		return (to != null && to.kind() == Token.Kind.STRING) ? new Shape.RenameEnumValue(type, from.text(), to.text())
				: new Shape.Other();
	}

	private static Shape truncate(SqlCursor c) {
		c.accept("truncate");
		c.accept("table");
		List<Name> tables = tableList(c);
		return (!tables.isEmpty()) ? new Shape.Locking("TRUNCATE", tables.get(0), LockMode.ACCESS_EXCLUSIVE,
				List.copyOf(tables.subList(1, tables.size()))) : new Shape.Other();
	}

	/** {@code [ONLY] name [*] [, ...]}, as {@code TRUNCATE} and {@code LOCK} list their tables. */
	private static List<Name> tableList(SqlCursor c) {
		List<Name> tables = new ArrayList<>();
		do {
			c.accept("only");
			Name table = c.name();
			if (table == null) {
				break;
			}
			tables.add(table);
			c.acceptSymbol("*");
		}
		while (c.acceptSymbol(","));
		return tables;
	}

	private static Shape lockTable(SqlCursor c) {
		c.accept("lock");
		c.accept("table");
		List<Name> tables = tableList(c);
		if (tables.isEmpty()) {
			return new Shape.Other();
		}
		c.until((t) -> t.is("in"));
		LockMode mode = LockMode.ACCESS_EXCLUSIVE;
		if (c.accept("in")) {
			StringBuilder words = new StringBuilder();
			while (!c.atEnd() && !c.at("mode")) {
				words.append(words.length() > 0 ? " " : "").append(c.next().value().toUpperCase(Locale.ROOT));
			}
			for (LockMode candidate : LockMode.values()) {
				if (candidate.sql().contentEquals(words)) {
					mode = candidate;
				}
			}
		}
		return new Shape.Locking("LOCK TABLE", tables.get(0), mode, List.copyOf(tables.subList(1, tables.size())));
	}

	private static Shape cluster(SqlCursor c) {
		c.accept("cluster");
		c.skipGroup();
		c.accept("verbose");
		Name table = c.name();
		// without a table, every table clustered before is clustered again, one after the other, outside a transaction
		return new Shape.Rewrite("CLUSTER", table, table == null,
				"pg_repack (or pg_squeeze) outside the revisions, which rebuild the table in order while reads and writes go"
						+ " on; a revision is no place for routine table maintenance", List.of());
	}

	/** {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table]} or {@code VACUUM (FULL, ...) [table]}. */
	private static Shape vacuum(SqlCursor c) {
		c.accept("vacuum");
		boolean full = false;
		SqlCursor options = c.group();
		if (options != null) {
			for (SqlCursor option : options.splitAtCommas()) {
				if (option.accept("full")) {
					full = option.atEnd() || option.acceptAny("true", "on", "1") != null;
				}
			}
		}
		else {
			full = c.accept("full");
			while (c.acceptAny("freeze", "verbose", "analyze", "analyse") != null) {
				// the options of the old syntax, before the table
			}
		}
		Name table = c.name();
		if (!full) {
			return new Shape.NoTransaction("VACUUM");
		}
		// VACUUM FULL a, b (c): each table of the list is written anew in turn; with none, every table of the database
		List<Name> others = new ArrayList<>();
		c.skipGroup();
		while (table != null && c.atSymbol(",")) {
			c.next();
			Name other = c.name();
			if (other == null) {
				break;
			}
			others.add(other);
			c.skipGroup();
		}
		return new Shape.Rewrite("VACUUM FULL", table, true,
				"plain VACUUM (reads and writes go on), or pg_repack (or pg_squeeze) outside the revisions to give the"
						+ " space back to the operating system while reads and writes go on", List.copyOf(others));
	}

	/** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
	private static Shape refresh(SqlCursor c) {
		if (!c.accept("refresh", "materialized", "view")) {
			return new Shape.Other();
		}
		boolean concurrently = c.accept("concurrently");
		Name view = c.name();
		if (view == null) {
			return new Shape.Other();
		}
		if (concurrently) {
			return new Shape.Locking("REFRESH MATERIALIZED VIEW CONCURRENTLY", view, LockMode.EXCLUSIVE);
		}
		return new Shape.Rewrite("REFRESH MATERIALIZED VIEW", view, false,
				"REFRESH MATERIALIZED VIEW CONCURRENTLY " + view.sql() + "; (reads of the view go on; it needs a unique"
						+ " index on the view, on columns only)", List.of());
	}

}
