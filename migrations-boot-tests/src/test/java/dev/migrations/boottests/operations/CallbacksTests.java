package dev.migrations.boottests.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.migrations.MigrationsCallback;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.runner.CommandResult;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsCallback} beans, as Flyway users use {@code afterMigrate}: here granting read
 * access on the tables after every upgrade of the startup.
 */
@ExtendWith(TestDatabaseExtension.class)
class CallbacksTests {

	private static final List<String> told = new CopyOnWriteArrayList<>();

	@RegisterExtension
	final Apps apps = new Apps();

	@BeforeEach
	void reset() {
		told.clear();
	}

	@Test
	void callbacksRunAroundEveryStartupUpgrade(TestDatabase database) {
		List<String> properties = Apps.with(Apps.database(database), ShopApplication.DEFAULTS);
		this.apps.start(new Class<?>[] { ShopApplication.class, GrantOnUpgrade.class }, false, properties).close();
		assertThat(Sql.query(database, "SELECT has_table_privilege('public', 'customer', 'SELECT')"))
			.containsExactly("t");
		this.apps.start(new Class<?>[] { ShopApplication.class, GrantOnUpgrade.class }, false, properties);
		assertThat(told).containsExactly("before head", "after head: 2 applied", "before head", "after head: 0 applied");
	}

	@Test
	void aFailedUpgradeIsReported(TestDatabase database) {
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"migrations.locations=classpath:apps/shop/revisions,classpath:apps/failing",
				"spring.main.sources=" + GrantOnUpgrade.class.getName());
		assertThat(told).containsExactly("before head", "error head: MigrationFailedException");
	}

	@Configuration(proxyBeanMethods = false)
	static class GrantOnUpgrade {

		@Bean
		MigrationsCallback grantReadAccess() {
			return new MigrationsCallback() {

				@Override
				public void beforeUpgrade(Context context) {
					told.add("before " + context.target());
				}

				@Override
				public void afterUpgrade(Context context, CommandResult result) {
					told.add("after " + context.target() + ": " + result.steps().size() + " applied");
					try (Connection connection = context.dataSource().getConnection();
							Statement statement = connection.createStatement()) {
						statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC");
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}

				@Override
				public void afterUpgradeError(Context context, RuntimeException error) {
					told.add("error " + context.target() + ": " + error.getClass().getSimpleName());
				}

			};
		}

	}

}
