package dev.migrations.boottests.connection;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Roles;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.init-sqls}: session settings for the connections migrations use (a lock timeout,
 * the role that owns the schema), which never reach the application's own connections.
 */
class InitSqlsTests {

	private final Apps apps = new Apps();

	private TestDatabase database;

	private Roles roles;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.roles = new Roles(this.database);
	}

	@AfterEach
	void stop() {
		this.apps.close();
		this.roles.close();
		this.database.close();
	}

	@Test
	void revisionsRunWithTheSettingsAndTheApplicationKeepsItsOwn() {
		String owner = this.roles.create("mig_owner", "unused");
		Sql.execute(this.database, "GRANT " + owner + " TO CURRENT_USER", "GRANT USAGE, CREATE ON SCHEMA public TO " + owner);
		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class,
				Apps.with(Apps.database(this.database), ShopApplication.DEFAULTS),
				"migrations.locations=classpath:apps/shop/revisions,classpath:apps/session",
				"migrations.init-sqls[0]=SET lock_timeout = '3s'", "migrations.init-sqls[1]=SET ROLE " + owner);

		assertThat(Sql.query(this.database, "SELECT lock_timeout || ' ' || who FROM session_seen"))
			.containsExactly("3s " + owner);
		assertThat(Sql.query(this.database, "SELECT tableowner FROM pg_tables WHERE tablename = 'customer'"))
			.containsExactly(owner);
		JdbcTemplate application = context.getBean(JdbcTemplate.class);
		for (int i = 0; i < 3; i++) {
			assertThat(application.queryForObject("SELECT current_user", String.class)).isEqualTo(this.database.username());
			assertThat(application.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("0");
		}
	}

}
