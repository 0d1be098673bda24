package dev.migrations.boottests.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.test.TestDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Starts the test applications as {@code java -jar app.jar} would, with a database and a few
 * properties, and closes them at the end of a test (as a {@code @RegisterExtension} field, before the
 * {@code TestDatabaseExtension} drops the databases). Each application uses at most two connections.
 */
public final class Apps implements AutoCloseable, AfterEachCallback {

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	/** The properties that point an application at a test database. */
	public static List<String> database(TestDatabase database) {
		return database(database.jdbcUrl(), database.username(), database.password());
	}

	public static List<String> database(String url, String username, String password) {
		return List.of("spring.datasource.url=" + url, "spring.datasource.username=" + username,
				"spring.datasource.password=" + ((password != null) ? password : ""));
	}

	/** The properties followed by more. */
	public static List<String> with(List<String> properties, String... more) {
		List<String> all = new ArrayList<>(properties);
		all.addAll(Arrays.asList(more));
		return all;
	}

	/** Points a test slice ({@code @DataJpaTest}, {@code @JdbcTest}) at a test database. */
	public static void register(DynamicPropertyRegistry registry, TestDatabase database) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", () -> (database.password() != null) ? database.password() : "");
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
	}

	/** Starts an application without a web server. */
	public ConfigurableApplicationContext start(Class<?> application, List<String> properties, String... more) {
		return start(new Class<?>[] { application }, false, properties, more);
	}

	/** Starts an application with its web server on a free port. */
	public ConfigurableApplicationContext startWeb(Class<?> application, List<String> properties, String... more) {
		return start(new Class<?>[] { application }, true, properties, more);
	}

	public ConfigurableApplicationContext start(Class<?>[] sources, boolean web, List<String> properties,
			String... more) {
		List<String> all = new ArrayList<>(properties);
		all.addAll(Arrays.asList(more));
		all.add("spring.datasource.hikari.maximum-pool-size=2");
		all.add("spring.datasource.hikari.minimum-idle=0");
		all.add("spring.jpa.open-in-view=false");
		all.add("spring.main.banner-mode=off");
		all.add(web ? "server.port=0" : "spring.main.web-application-type=none");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).properties(all.toArray(String[]::new))
			.run();
		this.started.add(context);
		return context;
	}

	/** The base URL of a started web application. */
	public static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts an application that is expected to fail, and returns why.
	 * @throws AssertionError when it starts
	 */
	public static Throwable failToStart(Class<?> application, List<String> properties, String... more) {
		try (Apps apps = new Apps()) {
			apps.start(application, properties, more);
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError(application.getSimpleName() + " started although it should not have");
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
		this.started.clear();
	}

}
