package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.actuate.MigrationsEndpoint;
import dev.migrations.boot.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.boot.shell.app.Bulletin;
import dev.migrations.diff.Difference;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An index a failed {@code CREATE UNIQUE INDEX CONCURRENTLY} left INVALID on PostgreSQL (queries do not use it, every
 * write still updates it): {@code db check}, the Java API's {@code check()} and the endpoint's drift report it alike.
 */
@ExtendWith(TestDatabaseExtension.class)
class InvalidIndexReportTests {

	private static final Difference INVALID = new Difference("INDEX_INVALID", "public.bulletin", "public.bulletin: index"
			+ " public.ix_bulletin_title is INVALID (a CREATE or REINDEX INDEX CONCURRENTLY that did not finish left it so):"
			+ " queries do not use it; once what made the build fail is fixed, rebuild it with `REINDEX INDEX CONCURRENTLY"
			+ " public.ix_bulletin_title;`, or drop it with `DROP INDEX CONCURRENTLY IF EXISTS public.ix_bulletin_title;` and"
			+ " create it again");

	@TempDir
	Path revisions;

	@Test
	void aStartupThatFailsOnDriftForAnIndexLeftInvalidSaysToRebuildOrDropItNotToGenerateARevision(TestDatabase database)
			throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		// as a CREATE INDEX CONCURRENTLY of the revision whose session was killed half-way leaves it
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix_bulletin_title'::regclass");
		}

		contextRunner(database).withPropertyValues("migrations.drift.on-startup=fail").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasMessageContaining("INDEX_INVALID").hasMessageContaining("Rebuild or drop the index left"
					+ " INVALID as its line says (`db migrate` writes nothing for it), or set migrations.drift.on-startup=warn");
			FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
				.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
				}))
				.stream()
				.filter((analyzer) -> analyzer.getClass().getName().startsWith("dev.migrations."))
				.map((analyzer) -> analyzer.analyze(failure))
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow();
			assertThat(analysis.getAction()).startsWith("Rebuild or drop each index left INVALID as its line above says")
				.doesNotContain("db migrate -m");
		});
	}

	@Test
	void dbCheckTheJavaApiAndTheEndpointEachNameTheIndexAndWhatToDo(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		// the index rebuilt by hand as unique, concurrently, over titles that repeat: the build fails half-way
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO bulletin (id, title) VALUES (1, 'same'), (2, 'same')");
			statement.execute("DROP INDEX ix_bulletin_title");
			assertThatException()
				.isThrownBy(() -> statement.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_bulletin_title ON bulletin (title)"))
				.withMessageContaining("is duplicated");
		}

		assertThat(db.migrations().check()).contains(INVALID);

		Result check = db.run("check");
		assertThat(check.status()).as(check.err()).isOne();
		assertThat(check.lines()).contains("  INDEX_INVALID  " + INVALID.detail());

		contextRunner(database).withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MigrationsDriftMonitor.class).check();
				MigrationsEndpoint.DriftDescriptor drift = context.getBean(MigrationsEndpoint.class).migrations().drift();
				assertThat(drift.status()).isEqualTo(DriftStatus.DETECTED);
				assertThat(drift.differences()).contains(
						new MigrationsEndpoint.DifferenceDescriptor(INVALID.kind(), INVALID.object(), INVALID.detail()));
			});
	}

	@Test
	void anIndexLeftInvalidOnATableTheDriftCheckLeavesOutIsNoDifference(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		// another application's table in the same schema, left out of the drift check, with an index its own
		// concurrent build left INVALID
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE \"Ledger\" (id bigint PRIMARY KEY, code text)");
			statement.execute("CREATE INDEX ix_ledger_code ON \"Ledger\" (code)");
			statement.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix_ledger_code'::regclass");
		}

		contextRunner(database)
			.withPropertyValues("migrations.drift.on-startup=fail", "migrations.drift.exclude-tables=Ledger")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationsDriftMonitor.class).check().status()).isEqualTo(DriftStatus.NONE);
			});
		// without the exclusion, it is drift like any other
		contextRunner(database).run((context) -> {
			assertThat(context.getBean(MigrationsDriftMonitor.class).check().differences())
				.extracting(Difference::kind).contains("INDEX_INVALID");
		});
	}

	private ApplicationContextRunner contextRunner(TestDatabase database) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsEntitiesAutoConfiguration.class,
					MigrationsDriftAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
			.withBean(PersistenceManagedTypes.class, () -> PersistenceManagedTypes.of(Bulletin.class.getName()))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
					"migrations.locations=filesystem:" + this.revisions);
	}

}
