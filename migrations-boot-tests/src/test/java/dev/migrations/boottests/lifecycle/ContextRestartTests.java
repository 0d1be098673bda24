package dev.migrations.boottests.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application context closed and started again in the same JVM, as spring-boot-devtools' restart and
 * Spring's test context cache do, and one whose startup fails after the upgrade: the next start finds the
 * database as the first left it, and nothing of the first context (a thread, a connection, the migrations
 * lock) is left behind.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class ContextRestartTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@RegisterExtension
	final Apps apps = new Apps();

	/** The starter's threads alive before the test: those of contexts other test classes left running. */
	private Set<Thread> threadsBefore;

	@BeforeEach
	void rememberThreadsAlready() {
		this.threadsBefore = Set.copyOf(migrationsThreads(Set.of()));
	}

	@Test
	void aContextStartedAgainFindsTheDatabaseUpToDateAndNothingOfTheFirst(TestDatabase database, CapturedOutput output)
			throws Exception {
		ConfigurableApplicationContext first = startShop(database);
		assertThat(get(Apps.baseUrl(first) + "/actuator/migrations")).contains("\"upToDate\":true");
		assertThat(get(Apps.baseUrl(first) + "/actuator/metrics/migrations.pending")).contains("\"VALUE\"");
		first.close();
		assertNothingLeft(database, this.threadsBefore);

		ConfigurableApplicationContext second = startShop(database);
		assertThat(output).contains("Database is up to date at " + ShopApplication.ADD_EMAIL + " (target head)");
		String status = get(Apps.baseUrl(second) + "/actuator/migrations");
		assertThat(status).contains("\"upToDate\":true").contains("\"current\":[\"" + ShopApplication.ADD_EMAIL + "\"]");
		assertThat(Sql.query(database, "SELECT count(*) FROM migrations_version_log")).containsExactly("2");
		second.close();
		assertNothingLeft(database, this.threadsBefore);
	}

	@Test
	void manyContextsOneAfterTheOtherLeaveNothingBehind(TestDatabase database) throws Exception {
		for (int i = 0; i < 4; i++) {
			ConfigurableApplicationContext context = startShop(database, "migrations.drift.interval=" + (i + 1) + "m",
					"migrations.actuator.status-cache-ttl=" + i + "s");
			assertThat(get(Apps.baseUrl(context) + "/actuator/health")).contains("\"status\":\"UP\"");
			context.close();
			assertNothingLeft(database, this.threadsBefore);
		}
	}

	@Test
	void twoContextsOpenAtOnceOnOneDatabaseAsTheTestContextCacheKeepsThem(TestDatabase database, CapturedOutput output)
			throws Exception {
		ConfigurableApplicationContext first = startShop(database);
		ConfigurableApplicationContext second = startShop(database, "spring.threads.virtual.enabled=true",
				"migrations.drift.interval=1m");
		assertThat(output).contains("Database is up to date at " + ShopApplication.ADD_EMAIL + " (target head)");
		assertThat(get(Apps.baseUrl(first) + "/actuator/migrations")).contains("\"upToDate\":true");
		assertThat(get(Apps.baseUrl(second) + "/actuator/migrations")).contains("\"upToDate\":true");
		second.close();
		// the first one still answers, from its own threads
		assertThat(get(Apps.baseUrl(first) + "/actuator/health")).contains("\"status\":\"UP\"");
		first.close();
		assertNothingLeft(database, this.threadsBefore);
	}

	@Test
	void aStartupThatFailsAfterTheUpgradeLeavesNothingRunningAndTheNextStartWorks(TestDatabase database,
			CapturedOutput output) throws Exception {
		Throwable failure = Apps.failToStart(FailingAfterTheUpgrade.class, Apps.database(database),
				with(ShopApplication.DEFAULTS, "spring.main.sources=" + ShopApplication.class.getName()));
		assertThat(failure).rootCause().hasMessage("the application's own bean failed");
		// the upgrade ran and stays
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		assertNothingLeft(database, this.threadsBefore);

		ConfigurableApplicationContext retry = startShop(database);
		assertThat(output).contains("Database is up to date at " + ShopApplication.ADD_EMAIL);
		assertThat(get(Apps.baseUrl(retry) + "/actuator/migrations")).contains("\"upToDate\":true");
	}

	@Test
	void aStartupWhoseRevisionFailsLeavesNothingRunningAndTheFixedReleaseStarts(TestDatabase database,
			CapturedOutput output) throws Exception {
		Throwable failure = Apps.failToStart(ShopApplication.class, Apps.database(database), ShopApplication.DEFAULTS[1],
				"migrations.locations=classpath:apps/shop/revisions,classpath:apps/failing");
		assertThat(failure).hasStackTraceContaining("5b0bfa110003");
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		assertNothingLeft(database, this.threadsBefore);

		// the release without the broken revision
		ConfigurableApplicationContext fixed = startShop(database);
		assertThat(get(Apps.baseUrl(fixed) + "/actuator/migrations")).contains("\"upToDate\":true");
	}

	@Test
	void aContextWithConnectionsOfItsOwnAndNoUpgradeLeavesNoSession(TestDatabase database) throws Exception {
		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class, Apps.database(database),
				with(ShopApplication.DEFAULTS, "migrations.url=" + database.jdbcUrl(), "migrations.upgrade-on-startup=false",
						"spring.jpa.hibernate.ddl-auto=none"));
		context.close();
		assertNothingLeft(database, this.threadsBefore);
	}

	private ConfigurableApplicationContext startShop(TestDatabase database, String... more) {
		return this.apps.startWeb(ShopApplication.class, Apps.database(database),
				with(with(ShopApplication.DEFAULTS, "management.endpoints.web.exposure.include=*"), more));
	}

	private static String[] with(String[] properties, String... more) {
		String[] all = new String[properties.length + more.length];
		System.arraycopy(properties, 0, all, 0, properties.length);
		System.arraycopy(more, 0, all, properties.length, more.length);
		return all;
	}

	private String get(String url) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * No thread of the starter's alive but those alive before the test (the contexts other test classes left in
	 * Spring's test context cache, in the same JVM, keep theirs), no session on the database, no advisory lock held.
	 */
	static void assertNothingLeft(TestDatabase database, Set<Thread> before) throws InterruptedException {
		for (Thread thread : migrationsThreads(before)) {
			// a thread whose executor was shut down may still be on its way out
			thread.join(Duration.ofSeconds(30).toMillis());
		}
		assertThat(migrationsThreads(before)).extracting(Thread::getName).isEmpty();
		assertThat(Sql.query(database, "SELECT coalesce(application_name, '') || ' ' || state || ' ' || query"
				+ " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).isEmpty();
		assertThat(Sql.query(database, "SELECT objid::text FROM pg_locks WHERE locktype = 'advisory'"
				+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isEmpty();
	}

	private static List<Thread> migrationsThreads(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			// the test kit's own (migrations-test-*) create and drop the test databases
			.filter((thread) -> thread.getName().startsWith("migrations-") && !thread.getName().startsWith("migrations-test-")
					&& thread.isAlive() && !before.contains(thread))
			.toList();
	}

	/** The shop with a bean of its own that fails once the database is upgraded. */
	@Configuration(proxyBeanMethods = false)
	static class FailingAfterTheUpgrade {

		@Bean
		@DependsOnDatabaseInitialization
		Object failingBean() {
			throw new IllegalStateException("the application's own bean failed");
		}

	}

}
