package dev.migrations.dialect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.MigrationsException;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dialect found from a connection: from the driver's class where its driver serves one product, below a pool's
 * proxy too, without the metadata (which a fresh JVM pays for loading); from the metadata for any other connection.
 */
@ExtendWith(TestDatabaseExtension.class)
class DialectDetectionTest {

	@Test
	void postgresqlsDriverIsPostgresql(TestDatabase db) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			assertThat(Dialect.detect(connection).name()).isEqualTo("postgresql");
		}
	}

	@Test
	void mariadbsDriverIsMariadb(@MariaDb TestDatabase db) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			assertThat(Dialect.detect(connection).name()).isEqualTo("mariadb");
		}
	}

	@Test
	void aPoolsProxyIsUnwrappedWithoutAskingItsMetadata(TestDatabase db) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			Connection pooled = proxy(connection, true, false);

			assertThat(Dialect.detect(pooled).name()).isEqualTo("postgresql");
		}
	}

	@Test
	void aProxyThatDoesNotUnwrapIsAskedForItsMetadata(TestDatabase db) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			assertThat(Dialect.detect(proxy(connection, false, true)).name()).isEqualTo("postgresql");

			// neither the class nor the metadata tells: the metadata's failure is what the caller sees
			assertThatExceptionOfType(MigrationsException.class)
				.isThrownBy(() -> Dialect.detect(proxy(connection, false, false)))
				.withMessageStartingWith("Could not read the database product from the JDBC connection: metadata refused");
		}
	}

	@Test
	void h2IsFoundFromItsMetadata() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:detect" + System.nanoTime(), "sa", "")) {
			assertThat(Dialect.detect(connection).name()).isEqualTo("h2");
		}
	}

	@Test
	void driverClassesOfOneProductOnly() {
		assertThat(Dialect.forDriverClass("org.postgresql.jdbc.PgConnection").name()).isEqualTo("postgresql");
		assertThat(Dialect.forDriverClass("org.mariadb.jdbc.Connection").name()).isEqualTo("mariadb");
		assertThat(Dialect.forDriverClass("com.mysql.cj.jdbc.ConnectionImpl").name()).isEqualTo("mariadb");
		// H2 needs its URL's compatibility mode, any other driver its metadata
		assertThat(Dialect.forDriverClass("org.h2.jdbc.JdbcConnection")).isNull();
		assertThat(Dialect.forDriverClass("com.zaxxer.hikari.pool.HikariProxyConnection")).isNull();
	}

	/** A connection of another class over {@code target}, as a pool or a tracing library hands out. */
	private static Connection proxy(Connection target, boolean unwraps, boolean metadata) {
		return (Connection) Proxy.newProxyInstance(DialectDetectionTest.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("unwrap")) {
						if (unwraps) {
							return target;
						}
						throw new SQLException("not a wrapper");
					}
					if (method.getName().equals("getMetaData") && !metadata) {
						throw new SQLException("metadata refused");
					}
					try {
						return method.invoke(target, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
