package dev.migrations.test;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.migrations.test.TestDatabase.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

/** The last fallback for PostgreSQL, forced so that it runs even where a local server answers. */
class EmbeddedPostgresTest {

	@Test
	void forcedEmbeddedSourceStartsAServerAndCreatesDatabasesOnIt() throws SQLException {
		String previous = System.getProperty("migrations.test.postgres");
		System.setProperty("migrations.test.postgres", "embedded");
		try (TestDatabase db = TestDatabases.postgres()) {
			assertThat(db.server().source()).isEqualTo(Source.EMBEDDED);
			assertThat(db.vendor()).isEqualTo(Vendor.POSTGRESQL);
			assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:").doesNotContain(":5432/");
			assertThat(Databases.queryString(db, "SELECT version()")).startsWith("PostgreSQL 16.");
			assertThat(Databases.queryString(db, "SELECT current_database()")).isEqualTo(db.name());
			assertThat(TestDatabases.server(SourceSettings.fromEnvironment(Vendor.POSTGRESQL)))
				.as("the embedded server is resolved once").isSameAs(db.server());

			db.close();

			assertThat(Databases.exists(db.server(), db.name())).isFalse();
		}
		finally {
			if (previous == null) {
				System.clearProperty("migrations.test.postgres");
			}
			else {
				System.setProperty("migrations.test.postgres", previous);
			}
		}
	}

}
