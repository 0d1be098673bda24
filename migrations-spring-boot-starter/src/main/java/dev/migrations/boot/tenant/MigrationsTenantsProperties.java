package dev.migrations.boot.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.TenantMigrations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Many tenants, one set of revisions, under the {@code migrations.tenants.} prefix: when schemas or
 * a query are given, the startup upgrade, the {@code /actuator/migrations} endpoint and the
 * {@code migrations} health indicator are about the tenants instead of the one schema.
 */
@ConfigurationProperties("migrations.tenants")
public class MigrationsTenantsProperties {

	/**
	 * The tenants' schemas (on MariaDB, databases), each with its own version tables.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * A query whose first column gives the tenants' schemas, run on the migrated database whenever
	 * the tenants are needed (at startup, by each 'db' command and status read), e.g. "select name
	 * from public.tenant". Its schemas are added to 'schemas'.
	 */
	private String query;

	/**
	 * How many tenants are upgraded (or read) at a time, each on one connection.
	 */
	private int parallelism = TenantMigrations.DEFAULT_PARALLELISM;

	/**
	 * How many tenants that are not up to date the endpoint lists; the others are counted.
	 */
	private int listed = 50;

	/**
	 * How long the tenants' status is reused by the endpoint and the health indicator: reading it
	 * takes one query per tenant.
	 */
	private Duration statusCacheTtl = Duration.ofSeconds(10);

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public String getQuery() {
		return this.query;
	}

	public void setQuery(String query) {
		this.query = query;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public int getListed() {
		return this.listed;
	}

	public void setListed(int listed) {
		this.listed = listed;
	}

	public Duration getStatusCacheTtl() {
		return this.statusCacheTtl;
	}

	public void setStatusCacheTtl(Duration statusCacheTtl) {
		this.statusCacheTtl = statusCacheTtl;
	}

}
