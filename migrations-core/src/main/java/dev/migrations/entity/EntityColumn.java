package dev.migrations.entity;

/**
 * A column as Hibernate maps it.
 *
 * @param name the name as the database catalog stores it (unquoted names folded the way the
 * dialect folds them: lower case on PostgreSQL)
 * @param sqlType the SQL type Hibernate declares for it on the dialect, e.g. {@code varchar(255)},
 * {@code numeric(12,2)}, {@code jsonb}, {@code mood}
 * @param nullable whether Hibernate declares it nullable
 */
public record EntityColumn(String name, String sqlType, boolean nullable) {

}
