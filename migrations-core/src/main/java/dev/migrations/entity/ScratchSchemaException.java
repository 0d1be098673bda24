package dev.migrations.entity;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.MigrationsException;

/**
 * A statement of the entities' DDL failed in the scratch schema. The same statement would fail when
 * the application's Hibernate created the schema, so the mapping needs fixing.
 */
public class ScratchSchemaException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private static final Pattern SYNTAX_ERROR_NEAR = Pattern.compile("syntax error at or near \"([^\"]+)\"");

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
