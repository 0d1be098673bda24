package dev.migrations.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.MigrateOptions;
import dev.migrations.Migrations;
import dev.migrations.MigrationsCallback;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.MigrationsException;
import dev.migrations.baseline.OtherToolTables;
import dev.migrations.dialect.Dialect;
import dev.migrations.entity.EntitySource;
import dev.migrations.revision.JavaRevision;
import dev.migrations.runner.MigrationsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Configures {@link Migrations} from {@link MigrationsProperties} and upgrades the database on
 * startup, before JPA and other database users start. Which database it migrates is described on
 * {@link MigrationsConnectionDetails}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(Migrations.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MigrationsRuntimeHints.class)
public final class MigrationsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsAutoConfiguration.class);

	private static final Set<String> SCHEMA_CHANGING_DDL_AUTO = Set.of("create", "create-drop", "update", "create-only");

	@Bean
	@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
	PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
		return new PropertiesMigrationsConnectionDetails(properties);
	}

	/**
	 * The startup upgrade runs at startup also with {@code spring.main.lazy-initialization=true}. Lazy, it would
	 * wait for the first bean that uses the database: in an application on JDBC that is the first request,
	 * which an instance whose readiness reports the pending revisions (out of service) never gets.
	 */
	@Bean
	static LazyInitializationExcludeFilter migrationsInitializerLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
	}

	@Bean
	static UpgradeBeforeDeferredJpaPostProcessor migrationsUpgradeBeforeDeferredJpaPostProcessor() {
		return new UpgradeBeforeDeferredJpaPostProcessor();
	}

	@Bean
	StartupProgressLog migrationsStartupProgressLog() {
		return new StartupProgressLog();
	}

	@Bean
	@ConditionalOnMissingBean
	Migrations migrations(MigrationsProperties properties, ObjectProvider<DataSource> dataSource,
			@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
			MigrationsConnectionDetails connectionDetails, ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails,
			ObjectProvider<JavaRevision> javaRevisions, ObjectProvider<MigrationsConfigurationCustomizer> customizers,
			ObjectProvider<EntitySource> entities, ObjectProvider<MigrationsListener> listeners,
			ObjectProvider<MigrationsCallback> callbacks, ListableBeanFactory beanFactory, ResourceLoader resourceLoader,
			Environment environment) {
		if (!environment.getProperty("migrations.shell.command-mode.active", Boolean.class, false)) {
			// command mode prints them on standard error, after the command
			UnknownMigrationsProperties.warnings(environment).forEach(logger::warn);
		}
		DataSource toMigrate;
		try {
			toMigrate = MigrationsDataSources.resolve(migrationsDataSource.getIfAvailable(), dataSource.getIfUnique(),
					connectionDetails, jdbcConnectionDetails.getIfAvailable(), properties, resourceLoader.getClassLoader());
		}
		catch (RuntimeException ex) {
			if (!filesOnlyWithoutUrl(environment)) {
				throw ex;
			}
			// a command of the files (db init, db revision, db history...) with no database configured at all: the
			// files are what it shows or writes (Spring Boot cannot make a DataSource without a URL)
			logger.debug("No DataSource for a command of the revision files", ex);
			toMigrate = null;
		}
		if (toMigrate != null && filesOnlyWithoutUrl(environment)
				&& org.springframework.boot.jdbc.EmbeddedDatabaseConnection.isEmbedded(toMigrate)) {
			// the in-memory database Spring Boot made up for want of a URL: its states would be those of an empty
			// database that ends with the command, so the command shows the files alone, as with no database
			toMigrate = null;
		}
		MigrationsConfiguration configuration = configuration(properties, toMigrate,
				JavaRevisionBeans.of(javaRevisions, beanFactory, (toMigrate != null)
						? JavaRevisionBeans.present(dataSource.getIfUnique(), migrationsDataSource.getIfAvailable())
						// no database: asking for the application's DataSource again would fail as it did above
						: List.of()),
				entities.getIfAvailable(), listeners.orderedStream().toList(),
				callbacks.orderedStream().toList(), resourceLoader.getClassLoader(), otherToolTables(environment),
				LibraryTables.of(environment, resourceLoader.getClassLoader()));
		offlineRange(configuration, environment, resourceLoader.getClassLoader());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
		return configuration.load();
	}

	/**
	 * Set in command mode for {@code db upgrade FROM:TO --sql} (or downgrade): a script of a range needs no
	 * database, so the dialect comes from the URL and nothing connects.
	 */
	public static final String OFFLINE_RANGE_PROPERTY = "migrations.shell.command-mode.offline-range";

	/**
	 * Whether this is command mode, a command that reads or writes the revision files alone (or shows the
	 * states when it can), and no URL: Spring Boot cannot create the DataSource then, and the command
	 * goes without one.
	 */
	public static boolean filesOnlyWithoutUrl(Environment environment) {
		return environment.getProperty(OFFLINE_RANGE_PROPERTY, Boolean.class, false)
				&& !StringUtils.hasText(environment.getProperty("migrations.url"))
				&& !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	/**
	 * For an offline range: the dialect the configured URL names, so that loading the revisions does not connect.
	 * With no URL at all, the one database whose driver the application has (a server's driver before H2's,
	 * which applications often keep for development); with several or none, a script cannot be written in
	 * the right SQL and the URL is asked for (the other commands on the files read them as PostgreSQL's).
	 */
	static void offlineRange(MigrationsConfiguration configuration, Environment environment, ClassLoader classLoader) {
		if (!environment.getProperty(OFFLINE_RANGE_PROPERTY, Boolean.class, false)) {
			return;
		}
		String url = StringUtils.hasText(environment.getProperty("migrations.url")) ? environment.getProperty("migrations.url")
				: environment.getProperty("spring.datasource.url");
		String command = environment.getProperty("migrations.shell.command-mode.command");
		Dialect dialect = StringUtils.hasText(url) ? Dialect.forJdbcUrl(url)
				: dialectOfTheDriver(classLoader, "upgrade".equals(command) || "downgrade".equals(command));
		if (dialect != null) {
			configuration.dialect(dialect);
		}
	}

	// the servers' drivers, each with its name and a URL's scheme that gives its dialect
	private static final String[][] SERVER_DRIVERS = { { "org.postgresql.Driver", "PostgreSQL's", "jdbc:postgresql:" },
			{ "org.mariadb.jdbc.Driver", "MariaDB's", "jdbc:mariadb:" }, { "com.mysql.cj.jdbc.Driver", "MySQL's", "jdbc:mysql:" } };

	private static Dialect dialectOfTheDriver(ClassLoader classLoader, boolean script) {
		List<String[]> servers = new ArrayList<>();
		for (String[] driver : SERVER_DRIVERS) {
			if (ClassUtils.isPresent(driver[0], classLoader)) {
				servers.add(driver);
			}
		}
		if (servers.size() == 1) {
			return Dialect.forJdbcUrl(servers.get(0)[2]);
		}
		if (servers.isEmpty() && ClassUtils.isPresent("org.h2.Driver", classLoader)) {
			return Dialect.forJdbcUrl("jdbc:h2:");
		}
		if (!script) {
			// the commands on the files alone read them with PostgreSQL's syntax, as without a URL before
			return null;
		}
		throw new MigrationsException("A script's SQL depends on its database, and no URL is configured"
				+ (servers.isEmpty() ? " nor a driver of PostgreSQL, MariaDB, MySQL or H2 on the class path"
						: " and the application has " + String.join(" and ", servers.stream().map((driver) -> driver[1]).toList())
								+ " drivers")
				+ ": give the database's URL, e.g. --spring.datasource.url=jdbc:postgresql://localhost:5432/app"
				+ " (only its scheme is read for a script of a range; nothing connects).");
	}

	/**
	 * The history tables Flyway and Liquibase are configured to keep under names of their own
	 * ({@code spring.flyway.table}, {@code spring.liquibase.database-change-log-table} and
	 * {@code -lock-table}): like their default names they are not the entities' tables, so a database that
	 * has them shows no drift for them and {@code db migrate} writes no {@code DROP TABLE} of them, and
	 * adopting a schema reads the other tool's history from them.
	 */
	static OtherToolTables otherToolTables(Environment environment) {
		return new OtherToolTables(environment.getProperty("spring.flyway.table"),
				environment.getProperty("spring.liquibase.database-change-log-table"),
				environment.getProperty("spring.liquibase.database-change-log-lock-table"));
	}

	/**
	 * The configuration of the {@code Migrations} bean from the properties and the beans it takes, before
	 * the customizers: shared with command mode's start without the application context
	 * ({@link CommandModeMigrations}).
	 */
	static MigrationsConfiguration configuration(MigrationsProperties properties, DataSource toMigrate,
			List<JavaRevision> javaRevisions, EntitySource entities, List<MigrationsListener> listeners,
			List<MigrationsCallback> callbacks, ClassLoader classLoader, OtherToolTables otherToolTables,
			List<String> libraryTables) {
		MigrationsConfiguration configuration = Migrations.configure()
			.dataSource(toMigrate)
			.locations(properties.getLocations())
			.javaPackages(properties.getJavaPackages().toArray(String[]::new))
			.javaRevisions(javaRevisions)
			.schema(StringUtils.hasText(properties.getSchema()) ? properties.getSchema() : null)
			.versionTable(properties.getVersionTable())
			.lockTimeout(properties.getLockTimeout())
			.validateChecksums(properties.isValidateChecksums())
			.installedBy(StringUtils.hasText(properties.getInstalledBy()) ? properties.getInstalledBy() : null)
			.classLoader(classLoader)
			.entities(entities)
			.listener(MigrationsListeners.of(listeners))
			.baseline(StringUtils.hasText(properties.getBaseline()) ? properties.getBaseline().trim() : null)
			.failOnNonEmptySchema(true)
			.failOnMissingLocations(properties.isFailOnMissingLocations())
			.otherToolTables(otherToolTables)
			.callbacks(callbacks);
		MigrationsProperties.Drift drift = properties.getDrift();
		List<String> excludeTables = new ArrayList<>(drift.getExcludeTables());
		excludeTables.addAll(libraryTables);
		if (!drift.getIncludeTables().isEmpty() || !excludeTables.isEmpty()) {
			configuration.tables(drift.getIncludeTables(), excludeTables);
		}
		configuration.ignoreExtraIndexes(drift.isIgnoreExtraIndexes());
		configuration.outputDirectory(outputDirectory(properties));
		configuration.migrateOptions(new MigrateOptions(properties.getGenerate().isOnline(),
				properties.getGenerate().getOnlineLockTimeout()));
		return configuration;
	}

	/**
	 * Where {@code db migrate} and {@code db revision} write: {@code migrations.generate.output-dir}, else the
	 * directory the revisions are read from, as Alembic's {@code script_location} is both: the first
	 * {@code filesystem:} location, else the source directory of the first class path location
	 * ({@code src/main/resources/db/migration} for {@code classpath:db/migration}; {@code {vendor}} in either is
	 * replaced once the database is known).
	 */
	static Path outputDirectory(MigrationsProperties properties) {
		String configured = properties.getGenerate().getOutputDir();
		if (StringUtils.hasText(configured)) {
			return Path.of(configured);
		}
		return MigrationsConfiguration.outputDirectoryOf(properties.getLocations());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "migrations.upgrade-on-startup", matchIfMissing = true)
	MigrationsInitializer migrationsInitializer(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationStrategy> strategy, ObjectProvider<DataSource> dataSource,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails, ObjectProvider<StartupProgressLog> progress,
			ListableBeanFactory beanFactory, ResourceLoader resourceLoader, Environment environment) {
		warnIfHibernateChangesTheSchema(environment);
		MigrationsInitializer initializer = new MigrationsInitializer(migrations, properties.getTarget(),
				strategy.getIfAvailable());
		OtherMigrationTools otherTools = new OtherMigrationTools(beanFactory, environment, resourceLoader.getClassLoader());
		initializer.setBeforeUpgrade(() -> otherTools.check(migrations,
				applicationUrl(dataSource.getIfUnique(), jdbcConnectionDetails.getIfAvailable()),
				StringUtils.hasText(properties.getSchema()) ? properties.getSchema() : null));
		initializer.setProgress(progress.getIfAvailable());
		initializer.setFailOnDatabaseAhead(properties.isFailOnDatabaseAhead());
		return initializer;
	}

	private static String applicationUrl(DataSource dataSource, JdbcConnectionDetails details) {
		String url = (dataSource != null) ? DataSourceDescription.of(dataSource).url() : null;
		if (url == null && details != null) {
			try {
				url = DataSourceDescription.withoutPassword(details.getJdbcUrl());
			}
			catch (RuntimeException ex) {
				// no URL configured: the other tools' URL cannot be told either
			}
		}
		return url;
	}

	/**
	 * Tells Hibernate that the schema of the database migrations migrate is managed, so its default
	 * {@code ddl-auto} for an embedded database becomes {@code none} instead of {@code create-drop} there,
	 * and stays {@code create-drop} on an embedded database of the application's that migrations do not
	 * migrate (as Flyway's provider does).
	 */
	@Bean
	@ConditionalOnMissingBean(MigrationsSchemaManagementProvider.class)
	MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<Migrations> migrations) {
		return new MigrationsSchemaManagementProvider(migrations);
	}

	private static void warnIfHibernateChangesTheSchema(Environment environment) {
		String ddlAuto = environment.getProperty("spring.jpa.hibernate.ddl-auto");
		if (ddlAuto != null && SCHEMA_CHANGING_DDL_AUTO.contains(ddlAuto.trim().toLowerCase(Locale.ROOT))) {
			logger.warn("spring.jpa.hibernate.ddl-auto={} lets Hibernate change the schema that the revisions manage, so the"
					+ " database stops matching its revisions: set it to 'validate' or 'none', and use `db migrate -m \"...\"`"
					+ " to turn entity changes into a revision", ddlAuto);
		}
	}

	/**
	 * Migrations need a database: the application's DataSource, the connection details of one, or a
	 * URL of their own ({@code migrations.url}), as Flyway's auto-configuration does.
	 */
	static final class MigrationsDataSourceCondition extends AnyNestedCondition {

		MigrationsDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("migrations.url")
		private static final class MigrationsUrlCondition {

		}

	}

	/** The schema of the migrated database is managed by its revisions. */
	static final class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

		private final ObjectProvider<Migrations> migrations;

		MigrationsSchemaManagementProvider(ObjectProvider<Migrations> migrations) {
			this.migrations = migrations;
		}

		@Override
		public SchemaManagement getSchemaManagement(DataSource dataSource) {
			boolean migrated = this.migrations.orderedStream()
				.map(Migrations::dataSource)
				.anyMatch((migrations) -> migrates(migrations, dataSource));
			return migrated ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
		}

		private static boolean migrates(DataSource migrated, DataSource dataSource) {
			return migrated == dataSource
					|| (migrated instanceof RetryingDataSource retrying && retrying.connectsTo(dataSource));
		}

	}

}
