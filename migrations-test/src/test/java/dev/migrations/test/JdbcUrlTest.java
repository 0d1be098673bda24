package dev.migrations.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdbcUrlTest {

	@Test
	void swapsTheDatabaseAndKeepsOtherParameters() {
		JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.example:6543/app?sslmode=require&user=ci&password=p%40ss");

		assertThat(url.user()).contains("ci");
		assertThat(url.password()).contains("p@ss");
		assertThat(url.host()).isEqualTo("db.example");
		assertThat(url.port(5432)).isEqualTo(6543);
		assertThat(url.withDatabase("mig_1_00000000").withoutCredentials())
			.hasToString("jdbc:postgresql://db.example:6543/mig_1_00000000?sslmode=require");
		assertThat(url.redacted()).isEqualTo("jdbc:postgresql://db.example:6543/app?sslmode=require&user=ci&password=***");
	}

	@Test
	void acceptsUrlsWithoutDatabaseOrPort() {
		JdbcUrl url = JdbcUrl.parse("jdbc:mariadb://localhost");

		assertThat(url.database()).isEmpty();
		assertThat(url.port(3306)).isEqualTo(3306);
		assertThat(url.withDatabase("mig_1_00000000")).hasToString("jdbc:mariadb://localhost/mig_1_00000000");
		assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]:5433,other:5432/x").host()).isEqualTo("::1");
		assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]:5433/x").port(5432)).isEqualTo(5433);
		assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]/x").port(5432)).isEqualTo(5432);
	}

	@Test
	void rejectsUrlsWithoutHostPart() {
		assertThatExceptionOfType(TestDatabaseException.class)
			.isThrownBy(() -> JdbcUrl.parse("jdbc:postgresql:app?password=secret"))
			.withMessage("'jdbc:postgresql:app?password=***' is not a JDBC URL of the form "
					+ "jdbc:<driver>://host[:port]/[database][?parameters]; fix the URL given for the test database.");
	}

}
