package dev.migrations.boot;

import java.util.List;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.entity.EntitySource;
import dev.migrations.runner.MigrationsListener;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The {@link Migrations} of a {@code db} command started without the application context: configured
 * from the environment alone ({@code migrations.*}, and {@code spring.datasource.*} with the pool's own
 * properties), as {@link MigrationsAutoConfiguration} configures the bean when the application declares
 * none of the beans that bean takes (the caller checks that). Built when first asked for; {@link #close()}
 * closes the pool it opened.
 */
public final class CommandModeMigrations implements AutoCloseable {

	private final Environment environment;

	private final ClassLoader classLoader;

	private final List<MigrationsListener> listeners;

	private final BiFunction<Environment, DataSource, EntitySource> entities;

	private DataSource applicationDataSource;

	private Migrations migrations;

	/**
	 * Migrations from the environment.
	 * @param environment the application's environment
	 * @param classLoader the application's class loader
	 * @param listeners the listeners (the command line's progress)
	 * @param entities the entities, given the environment and the database; {@code null} for none
	 */
	public CommandModeMigrations(Environment environment, ClassLoader classLoader, List<MigrationsListener> listeners,
			BiFunction<Environment, DataSource, EntitySource> entities) {
		this.environment = environment;
		this.classLoader = classLoader;
		this.listeners = listeners;
		this.entities = entities;
	}

	/**
	 * Why the environment alone does not tell the database to migrate, or {@code null} if it does: a URL in
	 * {@code spring.datasource.url} or {@code migrations.url}, and no JNDI name.
	 */
	public static String whyNotFromEnvironment(Environment environment) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.jndi-name"))) {
			return "spring.datasource.jndi-name is set";
		}
		if (StringUtils.hasText(environment.getProperty("migrations.tenants.schemas[0]"))
				|| StringUtils.hasText(environment.getProperty("migrations.tenants.schemas"))
				|| StringUtils.hasText(environment.getProperty("migrations.tenants.query"))
				|| Binder.get(environment).bind("migrations.tenants.databases", Bindable.mapOf(String.class, Object.class))
					.isBound()) {
			return "migrations.tenants is set, and the tenants are the application context's";
		}
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				&& !StringUtils.hasText(environment.getProperty("migrations.url"))) {
			return "neither spring.datasource.url nor migrations.url is set, so the database is the application's to tell";
		}
		return null;
	}

	/** The instance, configured on first use. */
	public synchronized Migrations get() {
		if (this.migrations == null) {
			Binder binder = Binder.get(this.environment);
			MigrationsProperties properties = binder.bindOrCreate("migrations", MigrationsProperties.class);
			if (StringUtils.hasText(this.environment.getProperty("spring.datasource.url"))) {
				this.applicationDataSource = applicationDataSource(binder);
			}
			DataSource toMigrate = MigrationsDataSources.resolve(null, this.applicationDataSource,
					new PropertiesMigrationsConnectionDetails(properties), null, properties, this.classLoader);
			EntitySource entitySource = (this.entities != null) ? this.entities.apply(this.environment,
					(this.applicationDataSource != null) ? this.applicationDataSource : toMigrate) : null;
			MigrationsConfiguration configuration = MigrationsAutoConfiguration.configuration(properties, toMigrate,
					List.of(), entitySource, this.listeners, List.of(), this.classLoader,
					MigrationsAutoConfiguration.otherToolTables(this.environment),
					LibraryTables.of(this.environment, this.classLoader));
			MigrationsAutoConfiguration.offlineRange(configuration, this.environment, this.classLoader);
			this.migrations = configuration.load();
		}
		return this.migrations;
	}

	/** The pool built from {@code spring.datasource.*} once {@link #get()} has run, else {@code null}. */
	public synchronized DataSource applicationDataSource() {
		return this.applicationDataSource;
	}

	/**
	 * The application's data source as Spring Boot's auto-configuration creates it: the
	 * {@code spring.datasource.*} properties, then those of its pool ({@code spring.datasource.hikari.*},
	 * ...), so that a schema or session setting given there applies to the commands too.
	 */
	private DataSource applicationDataSource(Binder binder) {
		DataSourceProperties properties = binder.bindOrCreate("spring.datasource", DataSourceProperties.class);
		properties.setBeanClassLoader(this.classLoader);
		try {
			properties.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The spring.datasource properties are not usable: " + ex.getMessage(), ex);
		}
		Class<? extends DataSource> type = (properties.getType() != null) ? properties.getType()
				: DataSourceBuilder.findType(this.classLoader);
		DataSource dataSource = properties.initializeDataSourceBuilder().type(type).build();
		String pool = poolPrefix(dataSource.getClass().getName());
		if (pool != null) {
			binder.bind("spring.datasource." + pool, Bindable.ofInstance(dataSource));
		}
		return dataSource;
	}

	private static String poolPrefix(String type) {
		return switch (type) {
			case "com.zaxxer.hikari.HikariDataSource" -> "hikari";
			case "org.apache.tomcat.jdbc.pool.DataSource" -> "tomcat";
			case "org.apache.commons.dbcp2.BasicDataSource" -> "dbcp2";
			case "oracle.ucp.jdbc.PoolDataSourceImpl" -> "oracleucp";
			default -> null;
		};
	}

	@Override
	public synchronized void close() {
		if (this.applicationDataSource instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// the process ends right after the command: nothing is left to release
			}
		}
	}

}
