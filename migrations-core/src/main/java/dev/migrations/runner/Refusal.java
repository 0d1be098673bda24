package dev.migrations.runner;

import java.util.List;

import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;

/**
 * A statement of a revision that an upgrade or downgrade refuses to run, checked in every revision
 * before the first one runs: one that opens or ends a transaction itself, copies from the client's
 * standard input, or (PostgreSQL) can never run in the transaction the revision runs in. The rehearsal refuses the same statements.
 * @param number the statement's 1-based number in its section
 * @param statement the statement
 * @param reason what it is and what to do, naming the section, the statement's number and its line
 */
public record Refusal(int number, SqlStatement statement, String reason) {

	/**
	 * The first statement of a section that is refused, with the reason.
	 * @param statements the section's statements, split with the file's lines
	 * @param upgrade whether the section is the upgrade
	 * @param syntax the database's syntax
	 * @param inTransaction whether the revision runs in one transaction
	 * @param declaredTransactional whether the revision allows one (no {@code transactional: false} header)
	 * @return the refusal, or {@code null} when every statement may run
	 */
	public static Refusal first(List<SqlStatement> statements, boolean upgrade, SqlSyntax syntax, boolean inTransaction,
			boolean declaredTransactional) {
		String section = upgrade ? "upgrade" : "downgrade";
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			if (TransactionControl.copyFromClient(statement.sql())) {
				return new Refusal(i + 1, statement, "its " + section + " statement " + (i + 1) + " (line " + statement.line()
						+ ") is a COPY from standard input, whose rows psql sends after it: a revision has no standard"
						+ " input. Write the rows as INSERT statements, or COPY from a file the server can read.");
			}
			String outside = inTransaction ? TransactionControl.outsideTransactionOnly(statement.sql(), syntax) : null;
			if (outside != null) {
				return new Refusal(i + 1, statement, "its " + section + " statement " + (i + 1) + " (line " + statement.line()
						+ ") is " + outside + ", which PostgreSQL cannot run inside a transaction, and the revision runs in"
						+ " one. Mark the revision `-- transactional: false` in its headers (each statement then commits on its"
						+ " own; a Java revision: transactional() returning false), or move the statement to a revision of its"
						+ " own that is.");
			}
			String control = TransactionControl.command(statement.sql(), syntax);
			if (control != null) {
				boolean opens = control.equals("BEGIN") || control.equals("START TRANSACTION");
				String why = inTransaction
						? (opens ? " opens a transaction inside the one the revision runs in (MariaDB commits what ran before"
								+ " it; on PostgreSQL the COMMIT meant to close it ends the revision's)"
								: " ends the transaction the revision runs in")
								+ ": what ran before it would stay if a later statement"
								+ " failed, while the revision would be recorded as not applied. Remove it; to commit statements"
								+ " separately, move them to revisions of their own, or mark this one `-- transactional: false`"
								+ " (each statement then commits on its own)."
						: " opens or ends a transaction in a revision that runs outside one ("
								+ (declaredTransactional ? "on MariaDB and MySQL only a revision of data statements alone runs"
										+ " in one, on H2 none does" : "`transactional: false`")
								+ "): what"
								+ " stayed applied could no longer be told after a failure. Remove it; statements that must"
								+ " commit together belong in a transactional revision of their own.";
				return new Refusal(i + 1, statement, "its " + section + " statement " + (i + 1) + " (line "
						+ statement.line() + ") is " + control + ", which" + why);
			}
		}
		return null;
	}

}
