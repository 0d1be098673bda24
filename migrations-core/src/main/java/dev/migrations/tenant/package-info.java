/**
 * Many tenants, one set of revisions: the values of {@link dev.migrations.TenantMigrations}, which
 * applies one {@link dev.migrations.Migrations} configuration to a list of schemas (or the schemas
 * a query returns, or named data sources), each with its own version table and lock, a bounded
 * number at a time, a failure in one tenant never stopping the others.
 * <p>
 * {@link dev.migrations.tenant.Placeholders}: {@code ${schema}} and {@code ${tenant}} in a revision's
 * SQL become the tenant's schema and name when it runs for that tenant; checksums are of the text as
 * written, so they are the same in every tenant.
 */
package dev.migrations.tenant;
