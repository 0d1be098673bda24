package dev.migrations.boottests.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

/**
 * {@code @MockitoBean Migrations} in a {@code @SpringBootTest}, as Flyway's users write {@code @MockitoBean Flyway}
 * to keep a test from migrating: the application starts and the database is left alone.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:apps/shop/revisions", "spring.jpa.hibernate.ddl-auto=none" })
@DirtiesContext
class MockedMigrationsTests {

	static final TestDatabase database = TestDatabases.postgres();

	@MockitoBean
	Migrations migrations;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Apps.register(registry, database);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@LocalServerPort
	int port;

	@Test
	void theApplicationStartsAndTheDatabaseIsLeftAlone() throws Exception {
		verify(this.migrations).upgrade("head");
		assertThat(Sql.tables(database, "public")).isEmpty();
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
	}

}
