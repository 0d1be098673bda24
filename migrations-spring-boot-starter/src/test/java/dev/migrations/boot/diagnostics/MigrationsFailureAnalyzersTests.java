package dev.migrations.boot.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.dialect.DatabaseLock;
import dev.migrations.dialect.PostgresDialect;
import dev.migrations.revision.JavaRevision;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts applications that fail during the startup upgrade and checks what the failure analyzers
 * registered in {@code META-INF/spring.factories} tell the user.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsFailureAnalyzersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class));

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void twoHeadsSuggestAMerge() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/two-heads");
		assertThat(analysis.getDescription()).contains("2 heads (bbbb00000002, cccc00000003)", "migrations.target");
		assertThat(analysis.getAction()).contains("db merge -m \"merge heads\"", "migrations.target=heads");
	}

	@Test
	void aFailedRevisionIsToldByWhatStayedAppliedAndInWhichDirection() {
		MigrationFailedFailureAnalyzer analyzer = new MigrationFailedFailureAnalyzer();
		String file = "db/revisions/abcd0000000f_add_tier.sql";
		FailureAnalysis upgrade = analyzer.analyze(new MigrationFailedException("rolled back", "abcd0000000f", file, 2, 9,
				"ALTER TABLE t", null, true, false));
		assertThat(upgrade.getDescription()).startsWith("The database was not upgraded to the end: revision abcd0000000f");
		assertThat(upgrade.getAction()).startsWith("Nothing of revision abcd0000000f stayed applied")
			.contains("Fix it in " + file + " (line 9)", "`db upgrade`")
			.doesNotContain("db stamp");

		FailureAnalysis downgrade = analyzer.analyze(new MigrationFailedException("rolled back", "abcd0000000f", file, 1,
				12, "DROP TABLE t", null, false, false));
		assertThat(downgrade.getDescription())
			.startsWith("The database was not downgraded to the end: the downgrade of revision abcd0000000f");
		assertThat(downgrade.getAction()).contains("the revision is still applied", "run `db downgrade` again")
			.doesNotContain("db upgrade", "db stamp");

		FailureAnalysis unsplittable = analyzer.analyze(new MigrationFailedException(file + ":7: the upgrade section cannot"
				+ " be split into statements: unterminated string. Nothing of this revision was run.", "abcd0000000f", file,
				0, 7, null, null, true, false));
		assertThat(unsplittable.getAction()).startsWith("Nothing of revision abcd0000000f stayed applied")
			.doesNotContain("outside a transaction", "db stamp");

		FailureAnalysis partly = analyzer.analyze(new MigrationFailedException("recorded as REVERTING: run `db stamp"
				+ " 228230842462` if you completed the downgrade, or `db stamp abcd0000000f` if you undid it", "abcd0000000f",
				file, 2, 9, "DROP INDEX i", null, false, true));
		assertThat(partly.getAction()).contains("ran outside a transaction", "Finish or undo its downgrade by hand",
				"the `db stamp` command the message above gives")
			.doesNotContain("(finished)", "<parent>");

		FailureAnalysis keptByMyIsam = analyzer.analyze(new MigrationFailedException("could not undo what statements 1 to 2"
				+ " changed in tables without transactions", "abcd0000000f", file, 2, 9, "INSERT INTO t VALUES (1)", null,
				true, true, false));
		assertThat(keptByMyIsam.getAction()).startsWith("Revision abcd0000000f was rolled back and is not recorded as"
				+ " applied, but changes it made to tables without transactions (MyISAM, Aria) stay")
			.contains("run `db upgrade` again")
			.doesNotContain("Nothing of", "outside a transaction", "db stamp");
	}

	@Test
	void whatTheRevisionFileOrTheVersionTableHoldsIsToldWithItsTerminalControlsEscaped() {
		// the analysis is logged to the console at startup: an escape sequence in a failed statement's SQL, or in the
		// error the version table recorded, would act on the operator's terminal
		String file = "db/revisions/abcd0000000f_add_tier.sql";
		FailureAnalysis failed = new MigrationFailedFailureAnalyzer().analyze(new MigrationFailedException("Revision"
				+ " abcd0000000f failed at upgrade statement 1 of 1 (line 5):\n    SELECT 1/0 AS \"\u001b[2Jx\"\nERROR:"
				+ " division by zero", "abcd0000000f", file, 1, 5, "SELECT 1/0 AS \"\u001b[2Jx\"", null, true, false));
		assertThat(failed.getDescription()).contains("\n    SELECT 1/0 AS \"\\u001b[2Jx\"\nERROR:").doesNotContain("\u001b");
		FailureAnalysis recorded = new FailedRevisionFailureAnalyzer().analyze(new dev.migrations.runner.FailedRevisionException(
				"Revision abcd0000000f is recorded as FAILED: \u001b]0;pwned\u0007 \u202eevil", List.of("abcd0000000f")));
		assertThat(recorded.getDescription()).contains("\\u001b]0;pwned\\u0007 \\u202eevil")
			.doesNotContain("\u001b", "\u0007", "\u202e");
	}

	@Test
	void aReadOnlySessionIsToldToConnectToThePrimaryAsAWritingUser() {
		this.database.newSessionForEachConnection();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + this.database.name() + " SET default_transaction_read_only = on");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/jpa");
		assertThat(analysis.getDescription()).startsWith("The database was not upgraded: could not create the version"
				+ " table public.migrations_version: the session is read-only");
		assertThat(analysis.getAction()).contains("default_transaction_read_only", "standby", "migrations.url")
			.doesNotContain("Fix it");
	}

	@Test
	void aRevisionStoppedByTheSessionIsNotToBeFixed() {
		MigrationFailedFailureAnalyzer analyzer = new MigrationFailedFailureAnalyzer();
		String file = "db/revisions/abcd0000000f_add_tier.sql";
		FailureAnalysis readOnly = analyzer.analyze(new MigrationFailedException("Revision abcd0000000f (" + file + ") failed"
				+ " at upgrade statement 1 of 1 (line 7):\n    INSERT INTO t VALUES (1)\nERROR: cannot execute INSERT in a"
				+ " read-only transaction [SQLState 25006]\nThe revision was rolled back: nothing of it was applied; revisions"
				+ " before it stay applied. The statement itself may be right: the session is read-only: ... then run `db"
				+ " upgrade` again.", "abcd0000000f", file, 1, 7, "INSERT INTO t VALUES (1)",
				new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006"), true, false));
		assertThat(readOnly.getAction()).startsWith("Nothing of revision abcd0000000f stayed applied")
			.contains("what stopped it", "the message above")
			.doesNotContain("Fix it");
	}

	@Test
	void missingLocationSuggestsDbInit() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/nowhere");
		assertThat(analysis.getDescription()).contains("classpath:db/nowhere does not exist");
		assertThat(analysis.getAction()).contains("db init", "migrations.locations", "migrations.fail-on-missing-locations=false")
			.startsWith("Create the revisions directory (src/main/resources/db/nowhere) and write a first revision:");
	}

	@Test
	void aLocationThatIsAFileIsNamedAsOneWithItsDirectoryToPointAt(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("1a2b3c4d_create.sql"), "-- revision: 1a2b3c4d\n");
		FailureAnalysis analysis = analyzeStartup("migrations.locations=filesystem:" + file);
		assertThat(analysis.getDescription()).isEqualTo("The database was not upgraded: the revision location"
				+ " filesystem:" + file + " is a file, not a directory.");
		assertThat(analysis.getAction()).isEqualTo("Point migrations.locations at the directory holding the revision"
				+ " files (filesystem:" + directory + ").");
	}

	@Test
	void editedAppliedRevisionSuggestsRestoringIt() {
		startAndStop("migrations.locations=classpath:db/jpa");
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/jpa-edited");
		assertThat(analysis.getDescription()).contains("revision 1a2b3c4d5e6f was modified after being applied");
		assertThat(analysis.getAction()).contains("git checkout", "db revision -m", "db stamp 1a2b3c4d5e6f",
				"migrations.validate-checksums=false");
	}

	@Test
	void editedAppliedRevisionOnADatabaseAheadOfTheCodeIsToldWithoutAStampThatWouldUnrecordTheNewerRevision() {
		// a newer release upgraded the database; this release's own applied revision was edited since
		startAndStop("migrations.locations=classpath:db/jpa,classpath:db/jpa-next");
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/jpa-edited");
		assertThat(analysis.getDescription()).contains("revision 1a2b3c4d5e6f was modified after being applied");
		assertThat(analysis.getAction()).contains("git checkout", "db revision -m", "The database is also ahead of this"
				+ " code: it has revision 2b3c4d5e6f70 applied, which this code has no file for (a newer release applied"
				+ " it), so `db stamp` with this code would un-record it.", "migrations.validate-checksums=false",
				"record that with the release that has it, once its file has the same edit (its `db stamp` where the"
						+ " database is records its files' checksums)")
			.doesNotContain("db stamp 1a2b3c4d5e6f");
	}

	@Test
	void databaseAheadOfTheCodeWithEveryRevisionOfTheCodeAppliedStartsWithAWarning(CapturedOutput output) {
		// a newer release upgraded the database; this one (a rolled-back deploy, an old instance restarting) starts
		startAndStop("migrations.locations=classpath:db/jpa,classpath:db/jpa-next");
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/jpa")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrations.class).status().missing()).containsExactly("2b3c4d5e6f70");
			});
		assertThat(output).contains("The database is ahead of this code: revision 2b3c4d5e6f70 applied, which is not"
				+ " among this application's revisions");
	}

	@Test
	void databaseAheadOfTheCodeStopsTheStartupWhenTheApplicationAsksFor() {
		startAndStop("migrations.locations=classpath:db/jpa,classpath:db/jpa-next");
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/jpa",
				"migrations.fail-on-database-ahead=true");
		assertThat(analysis.getDescription()).contains("revision 2b3c4d5e6f70 applied", "The database is ahead of this code");
		assertThat(analysis.getAction()).startsWith("Deploy the version of the application that contains 2b3c4d5e6f70")
			.endsWith("unless migrations.fail-on-database-ahead=true.");
	}

	@Test
	void databaseThatWentAnotherWayWithARevisionOfTheCodePendingSuggestsMergingTheOtherBranch(@TempDir Path other)
			throws IOException {
		// production got a hotfix from a release branch; this code went another way from 1a2b3c4d5e6f
		startAndStop("migrations.locations=classpath:db/jpa,classpath:db/jpa-next");
		Files.writeString(other.resolve("3c4d5e6f7a8b_add_book_isbn.sql"), "-- revision: 3c4d5e6f7a8b\n"
				+ "-- down_revision: 1a2b3c4d5e6f\n-- message: add book isbn\n\n-- upgrade\n"
				+ "ALTER TABLE book ADD COLUMN isbn varchar(20);\n\n-- downgrade\nALTER TABLE book DROP COLUMN isbn;\n");
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/jpa,filesystem:" + other);
		assertThat(analysis.getDescription()).contains("revision 2b3c4d5e6f70 applied", "Revision 3c4d5e6f7a8b of this"
				+ " application is not applied either: the database went another way").doesNotContain("ahead of this code");
		assertThat(analysis.getAction()).startsWith("Bring the file of 2b3c4d5e6f70 into this code")
			.contains("db merge -m \"merge heads\"", "db downgrade", "db stamp <revision>")
			.doesNotContain("Deploy the version");
	}

	@Test
	@SuppressWarnings("try")
	void lockHeldElsewhereSuggestsWaitingOrARaisedTimeout() throws Exception {
		// Holds the lock as another instance in the middle of an upgrade would.
		try (Connection connection = this.database.connection();
				DatabaseLock lock = new PostgresDialect().lock(connection, "public.migrations_version", Duration.ofSeconds(5))) {
			int pid;
			try (java.sql.Statement statement = connection.createStatement();
					java.sql.ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
				rs.next();
				pid = rs.getInt(1);
			}
			FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:db/jpa", "migrations.lock-timeout=1s");
			assertThat(analysis.getDescription()).contains("the migrations lock stayed held by", "migrations.lock-timeout");
			assertThat(analysis.getAction()).contains("wait for it to finish", "SELECT pg_terminate_backend(" + pid + ")",
					"migrations.lock-timeout=10m");
		}
	}

	@Test
	void aTargetThatNamesNoRevisionOrGoesBackNamesThePropertyAndWhatIsAllowed() {
		FailureAnalysis unknown = analyzeStartup("migrations.locations=classpath:db/jpa", "migrations.target=nonexistent");
		assertThat(unknown.getDescription()).startsWith("The database was not upgraded: migrations.target=nonexistent is"
				+ " not a target the startup upgrade can reach: no revision 'nonexistent'");
		assertThat(unknown.getAction()).startsWith("Set migrations.target to head (the default), heads, a revision id");

		FailureAnalysis back = analyzeStartup("migrations.locations=classpath:db/jpa", "migrations.target=-1");
		assertThat(back.getDescription()).contains("migrations.target=-1 is not a target the startup upgrade can reach")
			.contains("goes back");
		assertThat(back.getAction()).contains("db downgrade");
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void aJavaRevisionAskingForABeanThatWaitsForTheUpgradeIsToldWhatItMayUseInstead() {
		// a bean taken through an ObjectProvider is no dependency Spring records: it fails only when the revision runs
		Throwable[] failure = new Throwable[1];
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("migrations.locations=classpath:db/jpa")
			.withBean(DataSource.class, this.database::dataSource)
			.withBean("seedWithTemplate", SeedWithTemplateProvider.class)
			.run((context) -> failure[0] = context.getStartupFailure());
		FailureAnalysis analysis = analyze(failure[0]);
		assertThat(analysis.getDescription()).startsWith("The database was not upgraded to the end: revision 5eed00000002");
		assertThat(analysis.getAction()).startsWith("Nothing of revision 5eed00000002 stayed applied")
			.contains("needs a bean that waits for the upgrade it is part of")
			.contains("new JdbcTemplate(new SingleConnectionDataSource(connection, true))");
	}

	private void startAndStop(String... properties) {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues(properties)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private FailureAnalysis analyzeStartup(String... properties) {
		Throwable[] failure = new Throwable[1];
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				failure[0] = context.getStartupFailure();
			});
		FailureAnalysis analysis = analyze(failure[0]);
		assertThat(analysis).as("analysis of %s", failure[0]).isNotNull();
		return analysis;
	}

	private static FailureAnalysis analyze(Throwable failure) {
		ClassLoader classLoader = MigrationsFailureAnalyzersTests.class.getClassLoader();
		// Boot's own analyzers need constructor arguments this test does not give; they are skipped.
		List<FailureAnalyzer> ours = SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, ex) -> {
			}))
			.stream()
			.filter((analyzer) -> analyzer.getClass().getName().startsWith("dev.migrations."))
			.toList();
		assertThat(ours).hasSize(18);
		return ours.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	static class SeedWithTemplateProvider implements JavaRevision {

		private final ObjectProvider<JdbcTemplate> jdbcTemplate;

		SeedWithTemplateProvider(ObjectProvider<JdbcTemplate> jdbcTemplate) {
			this.jdbcTemplate = jdbcTemplate;
		}

		@Override
		public String revision() {
			return "5eed00000002";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("1a2b3c4d5e6f");
		}

		@Override
		public String message() {
			return "seed books";
		}

		@Override
		public void upgrade(Connection connection) {
			this.jdbcTemplate.getObject().update("INSERT INTO book (id, title) VALUES (1, 'Seeded')");
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

}
