package dev.migrations.boot.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
	 * Tenants with a database of their own, by tenant name: each is migrated in 'migrations.schema'
	 * (or its connection's default schema), with its own version tables and lock.
	 */
	private Map<String, Database> databases = new LinkedHashMap<>();

	/**
	 * How many tenants are upgraded (or read) at a time, each on one connection.
	 */
	private int parallelism = TenantMigrations.DEFAULT_PARALLELISM;

	/**
	 * How many tenants that are not up to date the endpoint lists; the others are counted.
	 */
	private int listed = 50;

	/**
	 * How long the tenants' status is reused by the endpoint, the health indicator and the
	 * migrations.tenants gauges (which have it read again in the background, never on a scrape):
	 * reading it takes one query per tenant.
	 */
	private Duration statusCacheTtl = Duration.ofSeconds(10);

	private final Drift drift = new Drift();

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

	public Map<String, Database> getDatabases() {
		return this.databases;
	}

	public void setDatabases(Map<String, Database> databases) {
		this.databases = databases;
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
		if (listed < 0) {
			throw new IllegalArgumentException("the number of tenants listed is 0 or more, not negative");
		}
		this.listed = listed;
	}

	public Duration getStatusCacheTtl() {
		return this.statusCacheTtl;
	}

	public void setStatusCacheTtl(Duration statusCacheTtl) {
		this.statusCacheTtl = statusCacheTtl;
	}

	public Drift getDrift() {
		return this.drift;
	}

	/** A tenant's own database, reached with connections opened when needed (no pool). */
	public static class Database {

		/**
		 * JDBC URL of the tenant's database, of the same kind as the application's.
		 */
		private String url;

		/**
		 * Login user; 'migrations.user' (else the application's 'spring.datasource.username') when not set.
		 */
		private String user;

		/**
		 * Login password of 'user'; 'migrations.password' (else the application's
		 * 'spring.datasource.password') when 'user' is not set either.
		 */
		private String password;

		/**
		 * Fully qualified name of the JDBC driver; detected from the URL when not set.
		 */
		private String driverClassName;

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getDriverClassName() {
			return this.driverClassName;
		}

		public void setDriverClassName(String driverClassName) {
			this.driverClassName = driverClassName;
		}

	}

	/** Drift of one tenant, checked when {@code /actuator/migrations/tenants/{name}} is read. */
	public static class Drift {

		/**
		 * How long the drift found for a tenant is reused by '/actuator/migrations/tenants/{name}'
		 * before that tenant is compared again (a comparison takes a connection and a few hundred
		 * milliseconds); zero compares on every read.
		 */
		private Duration cacheTtl = Duration.ofMinutes(5);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

}
