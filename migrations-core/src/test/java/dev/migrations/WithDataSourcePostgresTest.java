package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Migrations#withDataSource(DataSource)}: the same revisions and settings, commands through another
 * data source.
 */
@ExtendWith(TestDatabaseExtension.class)
class WithDataSourcePostgresTest {

	@TempDir
	Path directory;

	@Test
	void runsTheSameRevisionsThroughTheOtherDataSource(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create account", "CREATE TABLE account (id int PRIMARY KEY);",
				"DROP TABLE account;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.versionTable("account_versions").load();
		AtomicInteger connections = new AtomicInteger();
		DataSource counting = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("getConnection")) {
						connections.incrementAndGet();
					}
					return method.invoke(db.dataSource(), arguments);
				});

		Migrations other = migrations.withDataSource(counting);
		other.upgrade("head");

		assertThat(connections.get()).isPositive();
		assertThat(other.dataSource()).isSameAs(counting);
		assertThat(other.versionTable()).isEqualTo("account_versions");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(tableExists(db.dataSource(), "account")).isTrue();
	}

	private static boolean tableExists(DataSource dataSource, String table) {
		try (Connection connection = dataSource.getConnection();
				var rs = connection.getMetaData().getTables(null, "public", table, null)) {
			return rs.next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
