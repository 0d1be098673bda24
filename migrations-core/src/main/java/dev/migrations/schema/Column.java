package dev.migrations.schema;

/**
 * A column.
 *
 * @param name column name
 * @param type the type as the database spells it canonically (PostgreSQL: {@code format_type}, e.g.
 *        {@code character varying(255)}, {@code numeric(10,2)}, {@code timestamp(6) without time zone},
 *        {@code integer[]}, or the name of an enum type)
 * @param nullable whether NULL is allowed
 * @param defaultExpression the default as the database prints it, {@code null} when none (identity
 *        columns have none)
 * @param identity identity generation, {@code null} for an ordinary column
 * @param comment the column comment, {@code null} when none
 */
public record Column(String name, String type, boolean nullable, String defaultExpression, Identity identity,
		String comment) {

	/** How an identity column generates values. */
	public enum Identity {

		ALWAYS, BY_DEFAULT

	}

}
