package dev.migrations.sql;

import dev.migrations.MigrationsException;

/**
 * A script cannot be split into statements: a string, quoted identifier, dollar quote or block
 * comment is never closed, or the script uses a client-only command (a psql meta-command). The
 * message names what is wrong and the line where it starts; callers prefix the file it came from.
 */
public class SqlSyntaxException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final int line;

	/**
	 * Creates the exception.
	 * @param message what is wrong, where it starts and what to do about it
	 * @param line the 1-based line of the script where the offending construct starts
	 */
	public SqlSyntaxException(String message, int line) {
		super(message);
		this.line = line;
	}

	/**
	 * The 1-based line of the script where the offending construct starts.
	 * @return the line number
	 */
	public int line() {
		return this.line;
	}

}
