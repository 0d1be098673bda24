package dev.migrations.boottests.nonjpa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.nonjpa.r2dbc.ReactiveShopApplication;
import dev.migrations.boottests.nonjpa.r2dbc.StartupQueries;
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
 * An application on R2DBC, as Spring Boot's Flyway users have it: there is no {@code DataSource}, the
 * migrations' own URL and login ({@code migrations.url}, {@code user}, {@code password}) reach the database over
 * JDBC, and the beans that query through R2DBC while the application starts see the upgraded schema.
 */
@ExtendWith(TestDatabaseExtension.class)
class R2dbcApplicationTests {

	@RegisterExtension
	final Apps apps = new Apps();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@Test
	void upgradesOverJdbcBeforeTheBeansThatQueryThroughR2dbc(TestDatabase database) throws Exception {
		ConfigurableApplicationContext context = this.apps.startWeb(ReactiveShopApplication.class, reactive(database),
				"management.endpoints.web.exposure.include=migrations,health");

		StartupQueries queries = context.getBean(StartupQueries.class);
		assertThat(queries.withEmail).isZero();
		assertThat(queries.all).isZero();
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		HttpResponse<String> status = get(Apps.baseUrl(context) + "/actuator/migrations");
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("\"upToDate\":true").contains("\"current\":[\"" + ShopApplication.ADD_EMAIL + "\"]");
		assertThat(get(Apps.baseUrl(context) + "/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	static List<String> reactive(TestDatabase database) {
		String password = (database.password() != null) ? database.password() : "";
		return List.of("spring.r2dbc.url=" + database.jdbcUrl().replaceFirst("^jdbc:", "r2dbc:"),
				"spring.r2dbc.username=" + database.username(), "spring.r2dbc.password=" + password,
				"spring.r2dbc.pool.initial-size=1",
				"spring.r2dbc.pool.max-size=2", "migrations.url=" + database.jdbcUrl(), "migrations.user=" + database.username(),
				"migrations.password=" + password, "migrations.locations=classpath:apps/shop/revisions");
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
