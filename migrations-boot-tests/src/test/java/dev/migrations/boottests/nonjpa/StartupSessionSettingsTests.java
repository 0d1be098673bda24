package dev.migrations.boottests.nonjpa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.nonjpa.jdbc.JdbcFamilyApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup upgrade runs on a connection of the application's pool and gives it back: settings a revision makes
 * there ({@code SET search_path}, {@code SET statement_timeout}, a temporary table) reach neither the application's
 * beans that write at startup nor its queries afterwards.
 */
@ExtendWith(TestDatabaseExtension.class)
class StartupSessionSettingsTests {

	@TempDir
	Path revisions;

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void theApplicationsPoolGetsItsConnectionBackAsItWas(TestDatabase database) throws IOException {
		Files.writeString(this.revisions.resolve("5e5500000003_changes_the_session.sql"), "-- revision: 5e5500000003\n"
				+ "-- down_revision: " + ShopApplication.ADD_EMAIL + "\n-- message: changes the session\n\n-- upgrade\n"
				+ "CREATE SCHEMA elsewhere;\nSET search_path TO elsewhere;\nSET statement_timeout = 4321;\n"
				+ "CREATE TEMP TABLE customer (id int);\n\n-- downgrade\nDROP SCHEMA elsewhere;\n");
		// a pool of one: the application's beans and queries get the connection the upgrade ran on
		ConfigurableApplicationContext context = this.apps.start(JdbcFamilyApplication.class, Apps.with(
				Apps.database(database), "migrations.locations=classpath:apps/shop/revisions,filesystem:" + this.revisions,
				"spring.datasource.hikari.maximum-pool-size=1"));

		assertThat(Sql.query(database, "SELECT name FROM public.customer WHERE email = name || '@example.com'"))
			.containsExactlyInAnyOrder("jooq", "jdbc-template", "jdbc-client", "data-jdbc", "runner", "data-source");
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		assertThat(List.of(jdbc.queryForObject("SHOW search_path", String.class),
				jdbc.queryForObject("SHOW statement_timeout", String.class),
				jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()", String.class)))
			.containsExactly("\"$user\", public", "0", "0");
	}

}
