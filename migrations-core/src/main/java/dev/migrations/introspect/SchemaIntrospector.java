package dev.migrations.introspect;

import java.sql.Connection;
import java.util.function.Predicate;

import dev.migrations.schema.SchemaModel;

/**
 * Reads one schema of a live database into a {@link SchemaModel}, in a fixed small number of bulk
 * catalog queries however many tables the schema holds.
 * <p>
 * Implementations are stateless apart from diagnostics and may be shared between threads; the
 * connection is used, never closed, and left as it was found (auto-commit mode, transaction,
 * session settings).
 */
public interface SchemaIntrospector {

	/**
	 * Reads a schema.
	 * @param connection an open connection; when it is inside a transaction, the introspector sees
	 * that transaction's uncommitted DDL
	 * @param schema the schema (PostgreSQL) or database (MariaDB) to read, exactly as the catalog
	 * stores it; a schema that does not exist reads as an empty model
	 * @param includeTable decides, by table name as the catalog stores it, which tables are part of
	 * the model; the indexes, constraints and comments of an excluded table are left out with it
	 * @return the schema model, lists sorted as {@link SchemaModel} documents
	 * @throws SchemaIntrospectionException when a catalog query fails
	 */
	SchemaModel introspect(Connection connection, String schema, Predicate<String> includeTable);

	/**
	 * Reads a schema with all its tables.
	 * @param connection an open connection
	 * @param schema the schema to read
	 * @return the schema model
	 * @see #introspect(Connection, String, Predicate)
	 */
	default SchemaModel introspect(Connection connection, String schema) {
		return introspect(connection, schema, (table) -> true);
	}

	/**
	 * The number of SQL statements the last {@code introspect} call on this instance sent,
	 * transaction control excluded; it does not grow with the number of tables. Meant for
	 * benchmarks and tests; with concurrent calls it reports one of them.
	 * @return the statement count, 0 before the first call
	 */
	int lastQueryCount();

}
