package dev.migrations.schema;

/**
 * A check constraint.
 *
 * @param name constraint name
 * @param expression the boolean expression as the database prints it, without the {@code CHECK}
 *        keyword and outer parentheses (PostgreSQL: from {@code pg_get_constraintdef})
 */
public record CheckConstraint(String name, String expression) {
}
