package dev.migrations.boottests.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrations.boot.actuate.MigrationsStatusCache;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The {@code migrations.pending} gauge of a running application while its database is unreachable: a scrape
 * ({@code /actuator/prometheus}, {@code /actuator/metrics}) reads every gauge on its own thread, so a gauge that
 * asked the pool for a connection made it wait the pool's whole timeout (30 s by default), long enough for the
 * scrape to time out and every metric of the application to be lost during the outage.
 */
@ExtendWith(TestDatabaseExtension.class)
class PendingGaugeDuringOutageTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void aScrapeNeverAsksForAConnectionAndShowsTheLastStatusRead(TestDatabase database) throws Exception {
		ConfigurableApplicationContext context = this.apps.start(
				new Class<?>[] { ShopApplication.class, CountedConnections.class }, true,
				Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"migrations.target=" + ShopApplication.CREATE_CUSTOMER, "spring.jpa.hibernate.ddl-auto=none",
				"migrations.drift.enabled=false", "management.endpoints.web.exposure.include=health,metrics",
				// the time-to-live never passes during the test: invalidate() stands for it
				"migrations.actuator.status-cache-ttl=1h", "spring.datasource.hikari.connection-timeout=250");
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		MigrationsStatusCache cache = context.getBean(MigrationsStatusCache.class);
		CountedConnections connections = context.getBean(CountedConnections.class);
		String metric = Apps.baseUrl(context) + "/actuator/metrics/migrations.pending";

		// a health probe reads the status: ADD_EMAIL is pending
		assertThat(cache.status().pending()).containsExactly(ShopApplication.ADD_EMAIL);
		assertThat(connections.askedBy(Thread.currentThread())).as("the status is read through the application's pool")
			.isPositive();
		assertThat(pendingGauge(registry, connections)).isEqualTo(1);
		assertThat(get(metric)).contains("\"value\":1.0");

		try (Outage outage = new Outage(database)) {
			// the time-to-live passes: the next read of the status goes to the database
			cache.invalidate();
			assertThat(pendingGauge(registry, connections)).as("the last status read").isEqualTo(1);
			// the scrape answers at once: with the last status read, or unknown if the background read that the gauge
			// just asked for has failed already (which comes first depends on the machine, not on the code)
			assertThat(get(metric)).containsAnyOf("\"value\":1.0", "\"value\":\"NaN\"");

			// once a read has failed (here the test's own, or the one the scrape asked for, whichever ran first)
			assertThatRuntimeException().isThrownBy(cache::status);
			assertThat(pendingGauge(registry, connections)).as("unknown while the database cannot be read").isNaN();
			assertThat(get(metric)).contains("\"statistic\":\"VALUE\"");
		}

		cache.invalidate();
		assertThat(pendingGauge(registry, connections)).isNaN();
		assertThat(cache.status().pending()).containsExactly(ShopApplication.ADD_EMAIL);
		assertThat(pendingGauge(registry, connections)).isEqualTo(1);
	}

	/** Reads the gauge as a scrape does, on the calling thread, and checks that it asked for no connection. */
	private static double pendingGauge(MeterRegistry registry, CountedConnections connections) {
		int before = connections.askedBy(Thread.currentThread());
		double value = registry.get("migrations.pending").gauge().value();
		assertThat(connections.askedBy(Thread.currentThread())).as("connections asked for by the scrape")
			.isEqualTo(before);
		return value;
	}

	private String get(String url) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** The database refuses connections and its sessions end, as in an outage; back on close. */
	private static final class Outage implements AutoCloseable {

		private final TestDatabase database;

		Outage(TestDatabase database) throws SQLException {
			this.database = database;
			admin("ALTER DATABASE \"" + database.name() + "\" ALLOW_CONNECTIONS false",
					"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name()
							+ "' AND pid <> pg_backend_pid()");
		}

		@Override
		public void close() throws SQLException {
			admin("ALTER DATABASE \"" + this.database.name() + "\" ALLOW_CONNECTIONS true");
		}

		private void admin(String... statements) throws SQLException {
			String url = this.database.jdbcUrl().replace("/" + this.database.name(), "/postgres");
			try (Connection connection = DriverManager.getConnection(url, this.database.username(),
					this.database.password()); Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
		}

	}

	/** The application's data source, counting the connections asked for on each thread. */
	@Configuration(proxyBeanMethods = false)
	static class CountedConnections {

		private final Map<Thread, AtomicInteger> asked = new ConcurrentHashMap<>();

		int askedBy(Thread thread) {
			AtomicInteger count = this.asked.get(thread);
			return (count != null) ? count.get() : 0;
		}

		@Bean
		static BeanPostProcessor countingDataSource(ObjectProvider<CountedConnections> counts) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource dataSource) || bean instanceof DelegatingDataSource) {
						return bean;
					}
					return new DelegatingDataSource(dataSource) {

						@Override
						public Connection getConnection() throws SQLException {
							count();
							return super.getConnection();
						}

						@Override
						public Connection getConnection(String username, String password) throws SQLException {
							count();
							return super.getConnection(username, password);
						}

						private void count() {
							counts.getObject().asked.computeIfAbsent(Thread.currentThread(), (t) -> new AtomicInteger())
								.incrementAndGet();
						}

					};
				}

			};
		}

	}

}
