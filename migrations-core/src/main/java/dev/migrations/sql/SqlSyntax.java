package dev.migrations.sql;

/** The lexical rules a script is split by: where strings, identifiers and comments start and end. */
public enum SqlSyntax {

	/** PostgreSQL: dollar quotes, {@code E''} escapes, nested block comments, {@code "identifiers"}. */
	POSTGRESQL,

	/** MariaDB and MySQL: backslash escapes in strings, backtick identifiers, {@code #} comments, {@code DELIMITER}. */
	MARIADB,

	/** H2: standard strings and identifiers, {@code $$} bodies, {@code //} comments, nesting block comments (as H2 2.x reads them). */
	H2

}
