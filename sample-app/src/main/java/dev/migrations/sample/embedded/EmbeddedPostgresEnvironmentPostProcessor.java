package dev.migrations.sample.embedded;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at an embedded PostgreSQL when no {@code spring.datasource.url} is given
 * (neither in the configuration nor as {@code SPRING_DATASOURCE_URL}), so the sample runs on a machine
 * with nothing but a JDK. The data directory survives restarts; see {@link EmbeddedPostgres}.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "sample.embedded-postgres.enabled";

	static final String DATA_DIRECTORY = "sample.embedded-postgres.data-directory";

	/** Logged once logging is set up: a post-processor runs before, and its plain logger's lines are lost. */
	private final Log log;

	public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedPostgres.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty(ENABLED, Boolean.class, true)) {
			return;
		}
		Path dataDirectory = Path.of(environment.getProperty(DATA_DIRECTORY,
				System.getProperty("user.home") + "/.migrations-sample/postgres"));
		EmbeddedPostgres server = EmbeddedPostgres.startOrJoin(dataDirectory, this.log);
		environment.getPropertySources().addLast(new MapPropertySource("embeddedPostgres",
				Map.of("spring.datasource.url", server.jdbcUrl(), "spring.datasource.username", "postgres",
						"spring.datasource.password", "")));
	}

	@Override
	public int getOrder() {
		// after the application's own configuration files are read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
