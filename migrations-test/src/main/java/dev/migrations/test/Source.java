package dev.migrations.test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a database server for tests comes from, in the order they are tried. */
enum Source {

	/** A JDBC URL given in an environment variable or system property. */
	URL("url"),

	/** A server already running on this machine at the vendor's default port. */
	LOCAL("local"),

	/** A container started by Testcontainers, when Docker is available. */
	TESTCONTAINERS("testcontainers"),

	/** A PostgreSQL server started from binaries on the class path (PostgreSQL only). */
	EMBEDDED("embedded");

	private final String configName;

	Source(String configName) {
		this.configName = configName;
	}

	/** The value that forces this source, e.g. {@code -Dmigrations.test.postgres=embedded}. */
	String configName() {
		return this.configName;
	}

	/** The sources tried for a vendor when none is forced, in order. */
	static List<Source> defaultOrder(TestDatabase.Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> List.of(URL, LOCAL, TESTCONTAINERS, EMBEDDED);
			case MARIADB -> List.of(URL, LOCAL, TESTCONTAINERS);
		};
	}

	static Optional<Source> fromConfigName(String value) {
		String wanted = value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((source) -> source.configName.equals(wanted)).findFirst();
	}

}
