package dev.migrations.boottests.lazy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spring.main.lazy-initialization=true} leaves the startup upgrade at startup: an instance whose
 * readiness waits for its upgrade would otherwise wait for a request that, out of service, it never gets.
 */
@ExtendWith(TestDatabaseExtension.class)
class LazyInitializationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void theDatabaseIsUpgradedAtStartupAndTheInstanceIsReady(TestDatabase database) throws Exception {
		ConfigurableApplicationContext context = this.apps.startWeb(JdbcShopApplication.class, Apps.database(database),
				"migrations.locations=classpath:apps/shop/revisions", "spring.main.lazy-initialization=true",
				"management.endpoint.health.probes.enabled=true");
		assertThat(Sql.tables(database, "public")).containsExactly("customer", "migrations_version",
				"migrations_version_log");
		HttpResponse<String> readiness = this.http.send(
				HttpRequest.newBuilder(URI.create(Apps.baseUrl(context) + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(200);
	}

}
