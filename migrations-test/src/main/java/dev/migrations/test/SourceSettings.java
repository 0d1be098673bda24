package dev.migrations.test;

import java.util.Locale;
import java.util.function.UnaryOperator;

import dev.migrations.test.TestDatabase.Vendor;

/**
 * What the environment says about where a vendor's test server is. Read from system properties first, then
 * environment variables, e.g. for PostgreSQL {@code -Dmigrations.test.postgres.url} or
 * {@code MIGRATIONS_TEST_POSTGRES_URL}.
 *
 * @param vendor the vendor these settings are for
 * @param forcedSource the only source to try, or {@code null} to try them all in order
 * @param url the configured JDBC URL, or {@code null}
 * @param urlOrigin where {@code url} was read from, e.g. {@code environment variable MIGRATIONS_TEST_POSTGRES_URL}
 * @param user the configured user name, or {@code null}
 * @param password the configured password, or {@code null}
 * @param localPort the port of the local server to probe on 127.0.0.1
 */
record SourceSettings(Vendor vendor, Source forcedSource, String url, String urlOrigin, String user, String password,
		int localPort) {

	static final String LOCAL_HOST = "127.0.0.1";

	static SourceSettings fromEnvironment(Vendor vendor) {
		return from(vendor, System::getProperty, System::getenv);
	}

	static SourceSettings from(Vendor vendor, UnaryOperator<String> systemProperties,
			UnaryOperator<String> environment) {
		String key = key(vendor);
		String forced = firstSet(systemProperties.apply(sourceProperty(vendor)),
				environment.apply(sourceVariable(vendor)));
		Source forcedSource = null;
		if (forced != null) {
			forcedSource = Source.fromConfigName(forced)
				.filter((source) -> Source.defaultOrder(vendor).contains(source))
				.orElseThrow(() -> new TestDatabaseException("Unknown " + vendor.displayName() + " test database source '"
						+ forced + "' in " + sourceProperty(vendor) + " / " + sourceVariable(vendor) + "; use one of "
						+ String.join(", ", Source.defaultOrder(vendor).stream().map(Source::configName).toList())
						+ ", or leave it unset to try them in that order."));
		}
		String url = null;
		String urlOrigin = null;
		String propertyUrl = blankToNull(systemProperties.apply("migrations.test." + key + ".url"));
		String variableUrl = blankToNull(environment.apply(urlVariable(vendor)));
		if (propertyUrl != null) {
			url = propertyUrl;
			urlOrigin = "system property migrations.test." + key + ".url";
		}
		else if (variableUrl != null) {
			url = variableUrl;
			urlOrigin = "environment variable " + urlVariable(vendor);
		}
		String user = firstSet(systemProperties.apply("migrations.test." + key + ".user"),
				environment.apply(variable(vendor, "USER")));
		// Passwords are taken verbatim: spaces at either end may be part of them.
		String password = systemProperties.apply("migrations.test." + key + ".password");
		if (password == null || password.isEmpty()) {
			password = environment.apply(variable(vendor, "PASSWORD"));
		}
		if (password != null && password.isEmpty()) {
			password = null;
		}
		return new SourceSettings(vendor, forcedSource, url, urlOrigin, user, password, defaultPort(vendor));
	}

	@Override
	public String toString() {
		return "SourceSettings[" + this.vendor + ", source " + this.forcedSource + ", url " + this.url + ", user "
				+ this.user + ", password " + ((this.password != null) ? "***" : null) + ", local port " + this.localPort
				+ "]";
	}

	SourceSettings withLocalPort(int port) {
		return new SourceSettings(this.vendor, this.forcedSource, this.url, this.urlOrigin, this.user, this.password,
				port);
	}

	static String sourceProperty(Vendor vendor) {
		return "migrations.test." + key(vendor);
	}

	static String sourceVariable(Vendor vendor) {
		return variable(vendor, "SOURCE");
	}

	static String urlVariable(Vendor vendor) {
		return variable(vendor, "URL");
	}

	static String userVariable(Vendor vendor) {
		return variable(vendor, "USER");
	}

	static String passwordVariable(Vendor vendor) {
		return variable(vendor, "PASSWORD");
	}

	static int defaultPort(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> 5432;
			case MARIADB -> 3306;
		};
	}

	static String defaultUser(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> "postgres";
			case MARIADB -> "root";
		};
	}

	private static String key(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> "postgres";
			case MARIADB -> "mariadb";
		};
	}

	private static String variable(Vendor vendor, String suffix) {
		return "MIGRATIONS_TEST_" + key(vendor).toUpperCase(Locale.ROOT) + "_" + suffix;
	}

	private static String firstSet(String first, String second) {
		String value = blankToNull(first);
		return (value != null) ? value : blankToNull(second);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
