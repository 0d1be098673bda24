package dev.migrations.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.baseline.ExistingSchema;
import dev.migrations.baseline.OtherToolHistory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds Flyway and Liquibase set up by Spring Boot to migrate on this startup, and stops the startup
 * when one would migrate the same schema as migrations. It runs before any of them (the
 * initializer detector orders migrations first) and looks only at bean definitions and properties,
 * so neither tool has been created or run yet.
 */
final class OtherMigrationTools {

	private final ListableBeanFactory beanFactory;

	private final Environment environment;

	private final ClassLoader classLoader;

	OtherMigrationTools(ListableBeanFactory beanFactory, Environment environment, ClassLoader classLoader) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.classLoader = classLoader;
	}

	/**
	 * Throws when another tool would migrate the same database schema.
	 * @param migrations the facade: its data source, and the other tool's history for the message
	 * @param applicationUrl the application's JDBC URL, which the other tools use unless configured
	 * @param schema the schema migrations use ({@code migrations.schema}), {@code null} for the default
	 */
	void check(Migrations migrations, String applicationUrl, String schema) {
		DataSource dataSource = migrations.dataSource();
		if (dataSource == null) {
			return;
		}
		List<Tool> tools = new ArrayList<>();
		if (hasBean("org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer")) {
			String url = url("spring.flyway.url", "org.springframework.boot.flyway.autoconfigure.FlywayDataSource",
					applicationUrl);
			String flywaySchema = this.environment.getProperty("spring.flyway.default-schema");
			if (!StringUtils.hasText(flywaySchema)) {
				String[] schemas = StringUtils.commaDelimitedListToStringArray(this.environment.getProperty("spring.flyway.schemas"));
				flywaySchema = (schemas.length > 0) ? schemas[0].trim() : null;
			}
			tools.add(new Tool("Flyway", "spring.flyway.enabled=false", url, flywaySchema));
		}
		if (hasBean("liquibase.integration.spring.SpringLiquibase")) {
			String url = url("spring.liquibase.url", "org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource",
					applicationUrl);
			tools.add(new Tool("Liquibase", "spring.liquibase.enabled=false", url,
					this.environment.getProperty("spring.liquibase.default-schema")));
		}
		String ours = (dataSource instanceof RetryingDataSource retrying) ? retrying.description().url()
				: DataSourceDescription.of(dataSource).url();
		Supplier<String> defaultSchema = new Supplier<>() {

			private String schema;

			@Override
			public String get() {
				if (this.schema == null) {
					this.schema = currentSchema(migrations, dataSource);
				}
				return this.schema;
			}

		};
		for (Tool tool : tools) {
			if (!sameDatabase(ours, tool.url())) {
				continue;
			}
			String mine = StringUtils.hasText(schema) ? schema : defaultSchema.get();
			String theirs = StringUtils.hasText(tool.schema()) ? tool.schema() : defaultSchema.get();
			if (mine.equalsIgnoreCase(theirs)) {
				ExistingSchema existing = migrations.existingSchema();
				OtherToolHistory history = existing.otherTools()
					.stream()
					.filter((other) -> other.tool().equals(tool.name()))
					.findFirst()
					.orElse(null);
				// revisions recorded: migrations manage the schema already, whether it has the other tool's history
				// (taken over from it) or not (the other tool merely on the class path)
				String baseline = this.environment.getProperty("migrations.baseline");
				throw new OtherMigrationToolException(tool.name(), tool.disableProperty(), ours, mine, history,
						existing.managedBefore(), StringUtils.hasText(baseline) ? baseline.trim() : null,
						history == null && !existing.hasTables());
			}
		}
	}

	private boolean hasBean(String typeName) {
		if (!ClassUtils.isPresent(typeName, this.classLoader)) {
			return false;
		}
		Class<?> type = ClassUtils.resolveClassName(typeName, this.classLoader);
		// no eager initialisation: the tools must not be created (Liquibase migrates when it is)
		return this.beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	@SuppressWarnings("unchecked")
	private String url(String property, String qualifierName, String applicationUrl) {
		String configured = this.environment.getProperty(property);
		if (StringUtils.hasText(configured)) {
			return DataSourceDescription.withoutPassword(configured);
		}
		if (ClassUtils.isPresent(qualifierName, this.classLoader)) {
			Class<? extends java.lang.annotation.Annotation> qualifier = (Class<? extends java.lang.annotation.Annotation>) ClassUtils
				.resolveClassName(qualifierName, this.classLoader);
			for (String name : this.beanFactory.getBeanNamesForAnnotation(qualifier)) {
				if (this.beanFactory.getBean(name) instanceof DataSource own) {
					return DataSourceDescription.of(own).url();
				}
			}
		}
		return applicationUrl;
	}

	static boolean sameDatabase(String first, String second) {
		// a URL that cannot be told is taken as the same database: better a clear stop than two tools racing
		return first == null || second == null || normalize(first).equals(normalize(second));
	}

	private static String normalize(String url) {
		String normalized = url;
		int parameters = normalized.indexOf('?');
		if (parameters >= 0) {
			normalized = normalized.substring(0, parameters);
		}
		while (normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		normalized = normalized.toLowerCase(Locale.ROOT);
		// the same server spelled otherwise: the default port left out, localhost for the loopback address
		Matcher parts = SERVER_URL.matcher(normalized);
		if (parts.matches()) {
			String vendor = parts.group(1);
			String defaultPort = vendor.equals("postgresql") ? "5432" : "3306";
			List<String> servers = new ArrayList<>();
			for (String server : parts.group(2).split(",")) {
				Matcher hostAndPort = HOST_AND_PORT.matcher(server);
				String host = hostAndPort.matches() ? hostAndPort.group(1) : server;
				String port = (hostAndPort.matches() && hostAndPort.group(2) != null) ? hostAndPort.group(2) : defaultPort;
				if (host.isEmpty() || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")) {
					host = "localhost";
				}
				servers.add(host + ":" + port);
			}
			normalized = "jdbc:" + vendor + "://" + String.join(",", servers) + "/" + parts.group(3);
		}
		else if (normalized.startsWith("jdbc:postgresql:") && !normalized.startsWith("jdbc:postgresql://")) {
			// jdbc:postgresql:database is the local server on the default port
			normalized = "jdbc:postgresql://localhost:5432/" + normalized.substring("jdbc:postgresql:".length());
		}
		return normalized;
	}

	private static final Pattern SERVER_URL = Pattern.compile("jdbc:(postgresql|mariadb|mysql)://([^/]*)/(.*)");

	private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[^\\]]*\\]|[^:]*)(?::(\\d+))?");

	private static String currentSchema(Migrations migrations, DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return migrations.dialect().currentSchema(connection);
		}
		catch (SQLException ex) {
			throw new dev.migrations.MigrationsException("Could not read the current schema: " + ex.getMessage(), ex);
		}
	}

	/** Another tool set to migrate on startup: where it connects and which schema it migrates. */
	private record Tool(String name, String disableProperty, String url, String schema) {

	}

}
