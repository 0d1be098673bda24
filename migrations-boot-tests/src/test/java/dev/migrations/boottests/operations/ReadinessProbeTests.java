package dev.migrations.boottests.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes probes of a running application over HTTP while a revision is pending (the
 * upgrade left to a job or another instance): the instance is out of service, not restarted.
 */
@ExtendWith(TestDatabaseExtension.class)
class ReadinessProbeTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void pendingRevisionTakesTheInstanceOutOfServiceWithoutFailingLiveness(TestDatabase database) throws Exception {
		ConfigurableApplicationContext context = startShop(database, "migrations.target=" + ShopApplication.CREATE_CUSTOMER,
				"spring.jpa.hibernate.ddl-auto=none");
		String base = Apps.baseUrl(context);
		assertThat(status(base + "/actuator/health")).isEqualTo(503);
		assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503);
		assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);

		context.getBean(Migrations.class).upgrade("head");
		assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(base + "/actuator/health")).isEqualTo(200);
	}

	@Test
	void readinessIsUpOnceTheDatabaseIsUpToDate(TestDatabase database) throws Exception {
		String base = Apps.baseUrl(startShop(database));
		assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
	}

	@Test
	void aReadinessGroupTheApplicationConfiguresIsLeftAsItIs(TestDatabase database) throws Exception {
		String base = Apps.baseUrl(startShop(database, "migrations.target=" + ShopApplication.CREATE_CUSTOMER,
				"spring.jpa.hibernate.ddl-auto=none", "management.endpoint.health.group.readiness.include=readinessState"));
		assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(base + "/actuator/health")).isEqualTo(503);
	}

	@Test
	void aDisabledIndicatorIsInNoGroup(TestDatabase database) throws Exception {
		String base = Apps.baseUrl(startShop(database, "migrations.target=" + ShopApplication.CREATE_CUSTOMER,
				"spring.jpa.hibernate.ddl-auto=none", "management.health.migrations.enabled=false"));
		assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(base + "/actuator/health")).isEqualTo(200);
	}

	private ConfigurableApplicationContext startShop(TestDatabase database, String... properties) {
		return this.apps.startWeb(ShopApplication.class,
				Apps.with(Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
						"management.endpoint.health.probes.enabled=true", "migrations.actuator.status-cache-ttl=0",
						"migrations.drift.enabled=false"),
				properties);
	}

	private int status(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
