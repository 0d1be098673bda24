package dev.migrations.entity;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.MigrationsException;
import dev.migrations.dialect.PostgresIdentifiers;

/**
 * A statement of the entities' DDL failed in the scratch schema. The same statement would fail when
 * the application's Hibernate created the schema, so the mapping needs fixing.
 */
public class ScratchSchemaException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private static final Pattern SYNTAX_ERROR_NEAR = Pattern.compile("syntax error at or near \"([^\"]+)\"");

	private static final Pattern FIRST_NAME = Pattern.compile("\"([^\"]+)\"");

	// a name of the DDL, quoted ("...") or not
	private static final Pattern NAME = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([\\p{L}_][\\p{L}\\p{N}_$]*)");

	// Hibernate writes @Comment text between quotes as it is, without doubling quotes inside it
	private static final Pattern COMMENT_TEXT = Pattern
		.compile("(?is)^\\s*comment\\s+on\\s+(?:table|column)\\s+.+?\\s+is\\s+'(.*)'\\s*$");

	private final int statementNumber;

	private final String statement;

	private final String sqlState;

	/**
	 * @param statementNumber the failing statement's 1-based position
	 * @param statementCount how many statements there were
	 * @param statement the failing statement
	 * @param cause the database's error
	 */
	public ScratchSchemaException(int statementNumber, int statementCount, String statement, SQLException cause) {
		super(message(statementNumber, statementCount, statement, cause), cause);
		this.statementNumber = statementNumber;
		this.statement = statement;
		this.sqlState = cause.getSQLState();
	}

	/**
	 * @return the failing statement's 1-based position among the entities' DDL
	 */
	public int getStatementNumber() {
		return this.statementNumber;
	}

	/**
	 * @return the failing statement, as it was run
	 */
	public String getStatement() {
		return this.statement;
	}

	/**
	 * @return the database's SQLSTATE, e.g. {@code 42601} for a syntax error
	 */
	public String getSqlState() {
		return this.sqlState;
	}

	private static String message(int number, int count, String statement, SQLException cause) {
		String message = "The entities' DDL failed in the scratch schema at statement " + number + " of " + count
				+ ": " + statement + "\nPostgreSQL said: " + firstLine(cause.getMessage()) + "\n";
		Matcher comment = COMMENT_TEXT.matcher(statement);
		if ("42601".equals(cause.getSQLState()) && comment.matches() && comment.group(1).replace("''", "").contains("'")) {
			return message + "Hibernate copies @Comment text into its DDL without escaping it, so a quote in a comment"
					+ " ends the string early. Write each quote in the @Comment doubled (@Comment(\"it''s\") becomes the"
					+ " comment it's); the application's Hibernate fails on the same statement when it creates the schema.";
		}
		if ("53200".equals(cause.getSQLState())) {
			// out of shared memory: every relation created in the transaction keeps a lock until the rollback
			return message + "The scratch schema holds a lock on every table, index and sequence it creates until it"
					+ " rolls back, and creates the entities' tables in parts of about half the server's lock table"
					+ " (max_locks_per_transaction × max_connections, shared by all sessions); the lock table was full"
					+ " when statement " + number + " of " + count + " ran: other sessions held the rest, or the tables"
					+ " took more locks than estimated (many indexes a table). Run again when the server is quieter,"
					+ " raise max_locks_per_transaction on the server, or compare fewer tables at a time"
					+ " (MigrationsConfiguration.tables(include, exclude)); tables already in sync with the entities are"
					+ " not created.";
		}
		String cut = cutName(statement, cause);
		if (cut != null) {
			return message + cut;
		}
		Matcher nearWord = SYNTAX_ERROR_NEAR.matcher(String.valueOf(cause.getMessage()));
		if ("42601".equals(cause.getSQLState()) && nearWord.find() && isWord(nearWord.group(1))) {
			String word = nearWord.group(1).toLowerCase(Locale.ROOT);
			return message + "\"" + word + "\" is a reserved word in PostgreSQL and Hibernate wrote it unquoted."
					+ " Name the table or column differently (@Table(name = \"" + word + "s\")), quote it in the"
					+ " mapping (@Table(name = \"\\\"" + word + "\\\"\")), or set hibernate.auto_quote_keyword=true"
					+ " (spring.jpa.properties.hibernate.auto_quote_keyword=true); the application fails on the"
					+ " same statement.";
		}
		return message + "The application's Hibernate would fail on the same statement: fix the mapping (or its"
				+ " columnDefinition) and run again.";
	}

	/**
	 * When an object "already exists" under a name that a longer name of the statement becomes once
	 * PostgreSQL cuts it to 63 bytes, what to do about it; else {@code null}.
	 */
	private static String cutName(String statement, SQLException cause) {
		String state = cause.getSQLState();
		if (!"42P07".equals(state) && !"42710".equals(state) && !"42701".equals(state)) {
			return null;
		}
		Matcher existing = FIRST_NAME.matcher(firstLine(cause.getMessage()));
		if (!existing.find()) {
			return null;
		}
		Matcher name = NAME.matcher(statement);
		while (name.find()) {
			String text = (name.group(1) != null) ? name.group(1).replace("\"\"", "\"") : name.group(2).toLowerCase(Locale.ROOT);
			String stored = PostgresIdentifiers.asStored(text);
			if (!stored.equals(text) && stored.equals(existing.group(1))) {
				return "PostgreSQL keeps the first " + PostgresIdentifiers.MAX_NAME_BYTES + " bytes of a name and drops the rest: " + text
						+ " becomes " + existing.group(1) + ", the name of an object an earlier statement created (or of"
						+ " another column of the table). Give one of them a shorter name (@Table(name = ...),"
						+ " @CollectionTable(name = ...), @JoinTable(name = ...), @Column(name = ...), @Index(name = ...),"
						+ " @UniqueConstraint(name = ...), @ForeignKey(name = ...)); the application's Hibernate fails on"
						+ " the same statement.";
			}
		}
		return null;
	}

	private static boolean isWord(String text) {
		return text.chars().allMatch((c) -> Character.isLetter(c) || c == '_');
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "(no message)";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
