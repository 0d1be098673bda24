package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.boot.shell.jpaapp.TicketApplication;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What command mode starts of an application with JPA, Spring Data, a web controller and actuator
 * ({@link TicketApplication}): a command needing only a connection starts none of them; the commands
 * comparing entities with the database find the application's entities, naming strategy and Hibernate
 * settings without an EntityManagerFactory; and no command holds more than two connections.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class CommandModeStartupTests {

	private static final String APPLICATION_NAME = "migrations-command-mode-startup";

	/** What Spring Boot registers for JPA, Spring Data, the web stack and actuator, by the names of their auto-configurations. */
	private static final List<String> NOT_FOR_COMMANDS = List.of("org.springframework.boot.hibernate.",
			"org.springframework.boot.jpa.", "org.springframework.boot.data.", "org.springframework.boot.webmvc.",
			"org.springframework.boot.tomcat.", "org.springframework.boot.actuate.", "org.springframework.boot.health.");

	@TempDir
	Path revisions;

	private TestDatabase database;

	private CapturedOutput output;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.database = database;
		this.output = output;
	}

	@Test
	void currentStartsNoEntityManagerFactoryNoRepositoryNoWebStackAndNoActuator() throws IOException {
		writeTicketRevision("SELECT 1;");
		assertThat(run(null, "db", "upgrade").exitCode()).isZero();

		Run current = run((context) -> {
			assertThat(context.containsBeanDefinition("entityManagerFactory")).isFalse();
			assertThat(context.containsBeanDefinition("ticketRepository")).isFalse();
			assertThat(context.getBeanNamesForType(PersistenceManagedTypes.class, true, false)).isEmpty();
			assertThat(context.getBeanNamesForType(EntitySource.class, true, false)).isEmpty();
			assertThat(Arrays.stream(context.getBeanDefinitionNames())
				.filter((name) -> NOT_FOR_COMMANDS.stream().anyMatch(name::startsWith))).isEmpty();
			// the application's own beans are defined, and stay asleep
			assertThat(context.containsBeanDefinition("ticketController")).isTrue();
			assertThat(context.getBeanFactory().containsSingleton("ticketController")).isFalse();
			// a bean with a @Scheduled method too: its job does not start while the command runs
			assertThat(context.containsBeanDefinition("ticketReminders")).isTrue();
			assertThat(context.getBeanFactory().containsSingleton("ticketReminders")).isFalse();
		}, "db", "current");
		assertThat(current.exitCode()).as(current.err()).isZero();
		assertThat(current.out()).contains("a1b2c3d4e5f6 (head) create tickets\n");
	}

	/**
	 * {@code java -Dspring.aot.enabled=true -jar app.jar db current} of an application processed ahead of time: the
	 * bean definitions generated at build time are those of its ordinary start (the startup upgrade, the web server,
	 * no command runner), so the command starts the application from its classes instead, and upgrades nothing.
	 */
	@Test
	void aCommandStartsTheApplicationFromItsClassesWhenAheadOfTimeProcessingIsOn() throws IOException, SQLException {
		writeTicketRevision("SELECT 1;");
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
		Run current;
		try {
			current = run((context) -> assertThat(context.getBeanFactory().containsSingleton("ticketController")).isFalse(),
					"db", "current", "--migrations.shell.command-mode.fast-start=false");
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
		assertThat(current.exitCode()).as(current.err()).isZero();
		assertThat(current.out()).contains("No revision is applied: the database is at base.");
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT to_regclass('migrations_version') IS NULL")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getBoolean(1)).as("no version table: nothing was upgraded").isTrue();
		}
	}

	@Test
	void migrateAndCheckSeeTheEntitiesWithTheApplicationsNamingStrategyAndHibernateSettings() throws IOException, SQLException {
		Run migrate = run((context) -> {
			assertThat(context.containsBeanDefinition("entityManagerFactory")).isFalse();
			assertThat(context.containsBeanDefinition("ticketRepository")).isFalse();
		}, "db", "migrate", "-m", "create tickets");
		assertThat(migrate.exitCode()).as(migrate.err()).isZero();
		String upgrade = DbCommandsTests.section(Files.readString(onlyRevisionFile()), "upgrade");
		assertThat(upgrade).contains("CREATE TABLE IF NOT EXISTS tk_ticket (")
			.contains("due_date date")
			.contains("reference character(36)")
			.contains("title character varying(120) NOT NULL");

		assertThat(run(null, "db", "upgrade").exitCode()).isZero();
		Run inSync = run(null, "db", "check");
		assertThat(inSync.exitCode()).as(inSync.out() + inSync.err()).isZero();
		assertThat(inSync.out()).contains("No differences: the database matches the entities.\n");

		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE tk_ticket DROP COLUMN due_date");
		}
		Run drifted = run(null, "db", "check");
		assertThat(drifted.exitCode()).isEqualTo(1);
		assertThat(drifted.out()).contains("tk_ticket").contains("due_date");
	}

	@Test
	void aCommandHoldsAtMostTwoConnections() throws IOException, SQLException {
		// counted by the server while the command runs: the revision records how many connections the
		// command's process has open at that moment
		writeTicketRevision("CREATE TABLE seen_connections AS SELECT count(*) AS connections FROM pg_stat_activity"
				+ " WHERE application_name = '" + APPLICATION_NAME + "';");
		Run upgrade = run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(HikariDataSource.class);
			// room for a command over tenants (one connection each, 4 at a time, and one for reading); a command
			// on one database still opens at most two, as the server counts below
			assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(5);
		}, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT connections FROM seen_connections")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt(1)).isBetween(1, 2);
		}
	}

	private void writeTicketRevision(String extra) throws IOException {
		Files.writeString(this.revisions.resolve("a1b2c3d4e5f6_create_tickets.sql"), """
				-- revision: a1b2c3d4e5f6
				-- down_revision: none
				-- message: create tickets

				-- upgrade
				CREATE TABLE tk_ticket (id bigint NOT NULL PRIMARY KEY, title varchar(120) NOT NULL, due_date date,
				    reference char(36));
				%s

				-- downgrade
				DROP TABLE tk_ticket;
				""".formatted(extra));
	}

	/** Starts the application with the command's words, then the database settings, as arguments. */
	private Run run(Consumer<ConfigurableApplicationContext> inspect, String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		String url = this.database.jdbcUrl();
		args.add("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION_NAME);
		args.add("--spring.datasource.username=" + this.database.username());
		args.add("--spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""));
		args.add("--spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type=CHAR");
		args.add("--migrations.locations=filesystem:" + this.revisions);
		args.add("--migrations.generate.output-dir=" + this.revisions);
		args.add("--migrations.shell.command-mode.exit=false");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(TicketApplication.class, args.toArray(String[]::new));
		if (inspect != null) {
			try {
				inspect.accept(context);
			}
			catch (RuntimeException | Error ex) {
				context.close();
				throw ex;
			}
		}
		int exitCode = SpringApplication.exit(context);
		return new Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	private Path onlyRevisionFile() throws IOException {
		try (Stream<Path> files = Files.list(this.revisions)) {
			List<Path> all = files.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	/**
	 * One start of the application.
	 *
	 * @param exitCode what {@code SpringApplication.exit} returned
	 * @param out what it wrote to standard output
	 * @param err what it wrote to standard error
	 */
	record Run(int exitCode, String out, String err) {
	}

}
