package dev.migrations.tenant;

import java.util.Objects;

import javax.sql.DataSource;

/**
 * One target of a {@link dev.migrations.TenantMigrations}: a schema of the shared database, or a
 * database of its own.
 *
 * @param name how the tenant is named in selectors, results and messages
 * @param schema the schema holding its tables and version tables; {@code null} for the connection's
 *        default (a tenant with a database of its own)
 * @param dataSource where it lives
 */
public record Tenant(String name, String schema, DataSource dataSource) {

	public Tenant {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dataSource, "dataSource");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A tenant name must not be blank");
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
