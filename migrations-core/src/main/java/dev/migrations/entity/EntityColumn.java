package dev.migrations.entity;

/**
 * A column as Hibernate maps it.
 *
 * @param name the name as the database catalog stores it (unquoted names folded the way the
 * dialect folds them: lower case on PostgreSQL)
 * @param sqlType the SQL type as Hibernate writes it in its DDL, e.g. {@code varchar(255)},
 * {@code numeric(12,2)}, {@code jsonb}, or {@code Priority} for a named enum type (which PostgreSQL
 * folds to {@code priority})
 * @param nullable whether Hibernate declares it nullable
 * @param fill the SQL literal the rows a table already holds take when the column is added to it,
 * {@code null} when the mapping does not say: the "not deleted" value of a {@code @SoftDelete}
 * indicator ({@code false}, {@code true}, {@code 'N'}, {@code 0}, as its strategy and converter have it), or,
 * for the index column of a list ({@code @OrderColumn}), a window expression numbering the rows of each
 * owner from the list's base ({@code row_number() OVER (PARTITION BY playlist_id ORDER BY ctid) - 1}),
 * which starts with {@link #ROW_NUMBER}
 */
public record EntityColumn(String name, String sqlType, boolean nullable, String fill) {

	/** How a {@link #fill()} that numbers the rows, one value each, starts. */
	public static final String ROW_NUMBER = "row_number() OVER (";

	public EntityColumn(String name, String sqlType, boolean nullable) {
		this(name, sqlType, nullable, null);
	}

}
