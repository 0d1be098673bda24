package dev.migrations.boot.drift;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.diff.Difference;
import dev.migrations.boot.entities.library.LibraryMember;
import dev.migrations.boot.entities.library.Loan;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The drift monitor on a real PostgreSQL database whose schema the {@code db/library} revisions
 * create, with the library entities as they are or with a column the revisions lack.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsDriftMonitorTests {

	private static final String LIBRARY = "dev.migrations.boot.entities.library.";

	private static final String DRIFTED = "dev.migrations.boot.entities.drifted.";

	private TestDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsEntitiesAutoConfiguration.class, MigrationsDriftAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
					"migrations.locations=classpath:db/library");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void stoppingWaitsForTheCheckUnderWaySoThatItsConnectionIsBackBeforeTheDataSourceCloses() throws Exception {
		javax.sql.DataSource real = this.database.dataSource();
		new JdbcTemplate(real).execute("select 1");
		Migrations.configure().dataSource(real).locations("classpath:db/library").load().upgrade("head");
		java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
		// a data source whose connections are counted, and which, once the monitor starts, hands out its first
		// connection only when the test says so
		DataSource blocking = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (!method.getName().equals("getConnection") || !armed.get()) {
						return method.invoke(real, args);
					}
					entered.countDown();
					boolean interrupted = false;
					while (true) {
						try {
							release.await();
							break;
						}
						catch (InterruptedException ex) {
							interrupted = true;
						}
					}
					if (interrupted) {
						Thread.currentThread().interrupt();
					}
					java.sql.Connection connection = (java.sql.Connection) method.invoke(real, args);
					open.incrementAndGet();
					return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
							new Class<?>[] { java.sql.Connection.class }, (p, m, a) -> {
								if (m.getName().equals("close") && !connection.isClosed()) {
									open.decrementAndGet();
								}
								try {
									return m.invoke(connection, a);
								}
								catch (java.lang.reflect.InvocationTargetException ex) {
									throw ex.getCause();
								}
							});
				});
		Migrations migrations = Migrations.configure().dataSource(blocking).locations("classpath:db/library")
			.entities(dev.migrations.entity.EntitySource.ofClassNames(
					List.of(LIBRARY + "LibraryMember", LIBRARY + "Loan"), getClass().getClassLoader()))
			.load();
		MigrationsDriftMonitor monitor = new MigrationsDriftMonitor(migrations, true,
				dev.migrations.boot.MigrationsProperties.DriftAction.WARN, Duration.ZERO);
		armed.set(true);
		monitor.start();
		entered.await();
		Thread stopping = new Thread(monitor::destroy, "stopping");
		stopping.start();
		// the check is let go once the shutdown has begun (the stopping thread is blocked or done, whichever)
		while (stopping.getState() == Thread.State.NEW || stopping.getState() == Thread.State.RUNNABLE) {
			Thread.onSpinWait();
		}
		release.countDown();
		stopping.join();
		assertThat(open.get()).as("connections still open when the monitor has stopped").isZero();
		assertThat(monitor.report().checkedAt()).as("the check under way ended before the monitor stopped").isNotNull();
	}

	@Test
	void reportsNothingBeforeTheFirstCheckAndNeverChecksOnTheCallersBehalf() {
		entities(LIBRARY).run((context) -> {
			DriftReport report = context.getBean(MigrationsDriftMonitor.class).report();
			assertThat(report.status()).isEqualTo(DriftStatus.UNKNOWN);
			assertThat(report.checkedAt()).isNull();
			assertThat(report.reason()).startsWith("Not checked yet");
		});
	}

	@Test
	void entitiesMatchingTheRevisionsShowNoDrift() {
		entities(LIBRARY).run((context) -> {
			DriftReport report = context.getBean(MigrationsDriftMonitor.class).check();
			assertThat(report.status()).isEqualTo(DriftStatus.NONE);
			assertThat(report.differences()).isEmpty();
			assertThat(report.checkedAt()).isAfter(Instant.now().minus(Duration.ofHours(1)));
			assertThat(report.reason()).isNull();
		});
	}

	@Test
	void aColumnTheRevisionsLackIsDetected() {
		entities(DRIFTED).run((context) -> {
			DriftReport report = context.getBean(MigrationsDriftMonitor.class).check();
			assertThat(report.status()).isEqualTo(DriftStatus.DETECTED);
			assertThat(report.differences()).extracting(Difference::kind, Difference::object)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("COLUMN_MISSING", "library_member.nickname"));
		});
	}

	/**
	 * On a database autogenerate does not compare (MariaDB), the monitor says why once, at INFO, when the application
	 * is ready, and schedules no checks: every startup of a MariaDB application logged it as a warning.
	 */
	@Test
	@ExtendWith(TestDatabaseExtension.class)
	void onADatabaseAutogenerateDoesNotCompareItSaysSoOnceWithoutAWarning(@MariaDb TestDatabase mariadb,
			@TempDir Path revisions, CapturedOutput output) {
		Migrations migrations = Migrations.configure().dataSource(mariadb.dataSource())
			.locations("filesystem:" + revisions).entities(EntitySource.of(LibraryMember.class, Loan.class)).load();
		MigrationsDriftMonitor monitor = new MigrationsDriftMonitor(migrations, true,
				dev.migrations.boot.MigrationsProperties.DriftAction.WARN, Duration.ofMinutes(10));
		try {
			monitor.start();
			assertThat(monitor.report().status()).isEqualTo(DriftStatus.UNKNOWN);
			assertThat(monitor.report().reason()).startsWith("Autogenerate (db migrate, db check, db create-db) supports"
					+ " PostgreSQL; mariadb is not supported yet.");
			assertThat(output).contains("INFO", "Drift from the JPA entities is not watched: Autogenerate")
				.doesNotContain("Could not compare the JPA entities with the database");
		}
		finally {
			monitor.destroy();
		}
	}

	@Test
	void warnLogsTheDifferencesOfTheFirstBackgroundCheck(CapturedOutput output) {
		entities(DRIFTED).run((context) -> {
			MigrationsDriftMonitor monitor = context.getBean(MigrationsDriftMonitor.class);
			monitor.start();
			awaitReport(monitor, (report) -> report.status() != DriftStatus.UNKNOWN);
			assertThat(monitor.report().status()).isEqualTo(DriftStatus.DETECTED);
			assertThat(output).contains("The JPA entities and the database differ (1 difference)", "library_member.nickname",
					"db migrate -m");
		});
	}

	@Test
	void ignoreKeepsTheReportButLogsNothing(CapturedOutput output) {
		entities(DRIFTED).withPropertyValues("migrations.drift.on-startup=ignore").run((context) -> {
			MigrationsDriftMonitor monitor = context.getBean(MigrationsDriftMonitor.class);
			monitor.start();
			awaitReport(monitor, (report) -> report.status() != DriftStatus.UNKNOWN);
			assertThat(monitor.report().status()).isEqualTo(DriftStatus.DETECTED);
			assertThat(output).doesNotContain("library_member.nickname");
		});
	}

	@Test
	void checksAgainOnTheSchedule() {
		entities(LIBRARY).withPropertyValues("migrations.drift.interval=200ms").run((context) -> {
			MigrationsDriftMonitor monitor = context.getBean(MigrationsDriftMonitor.class);
			monitor.start();
			awaitReport(monitor, (report) -> report.status() == DriftStatus.NONE);
			new JdbcTemplate(context.getBean(DataSource.class)).execute("ALTER TABLE loan ADD COLUMN due_on date");
			awaitReport(monitor, (report) -> report.status() == DriftStatus.DETECTED);
			assertThat(monitor.report().differences()).extracting(Difference::kind, Difference::object)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("COLUMN_EXTRA", "loan.due_on"));
		});
	}

	@Test
	void failOnStartupStopsTheApplicationBeforeItServes() {
		entities(DRIFTED).withPropertyValues("migrations.drift.on-startup=fail").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).isInstanceOf(DriftDetectedException.class)
				.hasMessageContaining("COLUMN_MISSING library_member.nickname");
			assertThat(((DriftDetectedException) failure).differences()).hasSize(1);
			FailureAnalysis analysis = analyze(failure);
			assertThat(analysis.getDescription()).contains("migrations.drift.on-startup=fail", "library_member.nickname");
			assertThat(analysis.getAction()).contains("db migrate -m", "migrations.drift.on-startup=warn");
		});
	}

	@Test
	void failOnStartupStartsThePreviousReleaseOnADatabaseANewerReleaseUpgraded(CapturedOutput output) {
		// a rolling deploy: the newer release added a column its entities map and these do not
		Migrations.configure().dataSource(this.database.dataSource())
			.locations("classpath:db/library", "classpath:db/library-newer")
			.load()
			.upgrade("head");
		entities(LIBRARY).withPropertyValues("migrations.drift.on-startup=fail").run((context) -> {
			assertThat(context).hasNotFailed();
			DriftReport report = context.getBean(MigrationsDriftMonitor.class).report();
			assertThat(report.status()).isEqualTo(DriftStatus.DETECTED);
			assertThat(report.differences()).extracting(Difference::kind, Difference::object)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("COLUMN_EXTRA", "loan.due_on"));
			assertThat(output).contains("the database is ahead of this code (5a1e00000003", "loan.due_on");
		});
	}

	@Test
	void failOnStartupChecksSynchronouslyAndStartsWhenInSync() {
		entities(LIBRARY).withPropertyValues("migrations.drift.on-startup=fail").run((context) -> {
			assertThat(context).hasNotFailed();
			// already checked during startup, not in the background
			assertThat(context.getBean(MigrationsDriftMonitor.class).report().status()).isEqualTo(DriftStatus.NONE);
		});
	}

	@Test
	void failOnStartupDoesNotFailWhenDriftIsUnknown() {
		this.contextRunner.withPropertyValues("migrations.drift.on-startup=fail").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsDriftMonitor.class).report().reason()).contains("No JPA entities");
		});
	}

	@Test
	void aReadOnlyUserGetsAReportTablesInSyncNeedNoScratchObjects() {
		withReadOnlyRole((role, admin) -> entities(LIBRARY)
			.withPropertyValues("spring.datasource.username=" + role, "spring.datasource.password=",
					"migrations.upgrade-on-startup=false")
			.run((context) -> {
				DriftReport report = context.getBean(MigrationsDriftMonitor.class).check();
				assertThat(report.status()).isEqualTo(DriftStatus.NONE);
			}));
	}

	@Test
	void aReadOnlyUserSeesAChangedTableWithoutScratchObjects() {
		withReadOnlyRole((role, admin) -> {
			admin.execute("REVOKE TEMPORARY ON DATABASE " + this.database.name() + " FROM PUBLIC");
			// the check as Hibernate writes it, so the server's spelling of it is in the database to confirm
			admin.execute("ALTER TABLE library_member DROP CONSTRAINT library_member_membership_level_check,"
					+ " ADD CONSTRAINT library_member_membership_level_check CHECK (membership_level in ('BASIC','PREMIUM'))");
			admin.execute("ALTER TABLE loan ADD COLUMN note text");
			entities(LIBRARY)
				.withPropertyValues("spring.datasource.username=" + role, "spring.datasource.password=",
						"migrations.upgrade-on-startup=false")
				.run((context) -> {
					DriftReport report = context.getBean(MigrationsDriftMonitor.class).check();
					assertThat(report.status()).as(String.valueOf(report.reason())).isEqualTo(DriftStatus.DETECTED);
					assertThat(report.differences()).singleElement()
						.satisfies((difference) -> assertThat(difference.object()).isEqualTo("loan.note"));
				});
		});
	}

	@Test
	void aUserWhoMayCreateNothingGetsAnUnknownStatusWithTheReasonWhenACheckNeedsTheServer() {
		withReadOnlyRole((role, admin) -> {
			admin.execute("REVOKE TEMPORARY ON DATABASE " + this.database.name() + " FROM PUBLIC");
			// the entity's check is no longer in the database to confirm how this server spells it
			admin.execute("ALTER TABLE library_member DROP CONSTRAINT library_member_membership_level_check");
			entities(LIBRARY)
				.withPropertyValues("spring.datasource.username=" + role, "spring.datasource.password=",
						"migrations.upgrade-on-startup=false")
				.run((context) -> {
					DriftReport report = context.getBean(MigrationsDriftMonitor.class).check();
					assertThat(report.status()).isEqualTo(DriftStatus.UNKNOWN);
					assertThat(report.checkedAt()).isNotNull();
					assertThat(report.reason()).startsWith("No permission").contains("TEMPORARY (or CREATE) on the database");
				});
		});
	}

	// a role that may only read the tables the library revisions create
	private void withReadOnlyRole(BiConsumer<String, JdbcTemplate> test) {
		String role = "drift_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcTemplate admin = new JdbcTemplate(this.database.dataSource());
		try {
			admin.execute("CREATE ROLE " + role + " LOGIN");
		}
		catch (RuntimeException ex) {
			assumeTrue(false, "the test database user may not create roles: " + ex.getMessage());
		}
		try {
			Migrations.configure().dataSource(this.database.dataSource()).locations("classpath:db/library").load()
				.upgrade("head");
			admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
			test.accept(role, admin);
		}
		finally {
			// roles belong to the whole server: leave none behind
			admin.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role);
			admin.execute("DROP ROLE IF EXISTS " + role);
		}
	}

	private ApplicationContextRunner entities(String entityPackage) {
		return this.contextRunner.withBean(PersistenceManagedTypes.class,
				() -> PersistenceManagedTypes.of(entityPackage + "LibraryMember", entityPackage + "Loan"));
	}

	private static void awaitReport(MigrationsDriftMonitor monitor, Predicate<DriftReport> condition) {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (!condition.test(monitor.report())) {
			if (System.nanoTime() > deadline) {
				fail("The drift report did not change as expected; last: " + monitor.report());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("interrupted");
			}
		}
	}

	private static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(MigrationsDriftMonitorTests.class.getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		return analyzers.stream()
			.filter((analyzer) -> analyzer.getClass().getName().startsWith("dev.migrations."))
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow();
	}

}
