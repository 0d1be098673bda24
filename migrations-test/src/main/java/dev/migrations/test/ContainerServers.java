package dev.migrations.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.migrations.test.TestDatabase.Vendor;

/**
 * The database containers of this JVM, one per vendor, started the first time they are needed; Testcontainers
 * removes them when the JVM exits. Only this class touches Testcontainers types, so the rest of the module
 * works when Testcontainers is left off the class path.
 */
final class ContainerServers {

	private static JdbcDatabaseContainer<?> postgres;

	private static JdbcDatabaseContainer<?> mariadb;

	private ContainerServers() {
	}

	/** How to reach a started container. */
	record Endpoint(String jdbcUrl, String user, String password) {

	}

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	/** Starts the vendor's container unless it runs already. */
	static Endpoint start(Vendor vendor, String image) {
		JdbcDatabaseContainer<?> container = switch (vendor) {
			case POSTGRESQL -> startPostgres(image);
			case MARIADB -> startMariaDb(image);
		};
		return new Endpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static synchronized JdbcDatabaseContainer<?> startPostgres(String image) {
		if (postgres == null) {
			PostgreSQLContainer container = new PostgreSQLContainer(image);
			container.start();
			postgres = container;
		}
		return postgres;
	}

	private static synchronized JdbcDatabaseContainer<?> startMariaDb(String image) {
		if (mariadb == null) {
			// Test databases are created next to the container's own database, which takes root.
			MariaDBContainer container = new MariaDBContainer(image).withUsername("root").withPassword("test");
			container.start();
			mariadb = container;
		}
		return mariadb;
	}

}
