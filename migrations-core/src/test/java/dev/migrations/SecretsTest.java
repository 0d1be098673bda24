package dev.migrations;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords as the tool shows them: masked in URLs, and wherever a driver's message repeats them. */
class SecretsTest {

	@Test
	void aUrlIsShownWithEachFormOfItsPasswordMasked() {
		assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/shop?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=******&ssl=true");
		assertThat(Secrets.maskUrl("jdbc:mariadb://root:s3cret@127.0.0.1/shop")).isEqualTo("jdbc:mariadb://root:******@127.0.0.1/shop");
		// a password holding '@' or ':' is masked whole
		assertThat(Secrets.maskUrl("jdbc:mariadb://root:p@ss:w@127.0.0.1:3306/shop"))
			.isEqualTo("jdbc:mariadb://root:******@127.0.0.1:3306/shop");
		assertThat(Secrets.maskUrl("jdbc:mysql://127.0.0.1/shop?user=root&PASSWORD=s3cret"))
			.isEqualTo("jdbc:mysql://127.0.0.1/shop?user=root&PASSWORD=******");
		assertThat(Secrets.maskUrl("jdbc:sqlserver://db;user=app;password=s3cret;databaseName=shop"))
			.isEqualTo("jdbc:sqlserver://db;user=app;password=******;databaseName=shop");
		assertThat(Secrets.maskUrl("jdbc:mariadb://address=(host=db)(port=3306)(user=app)(password=s3cret)/shop"))
			.isEqualTo("jdbc:mariadb://address=(host=db)(port=3306)(user=app)(password=******)/shop");
		assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/shop?sslpassword=k3y")).isEqualTo("jdbc:postgresql://db:5432/shop?sslpassword=******");
		assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/shop?user=app")).isEqualTo("jdbc:postgresql://db:5432/shop?user=app");
		assertThat(Secrets.maskUrl(null)).isNull();
	}

	@Test
	void aDriversMessageRepeatingTheUrlsPasswordIsMasked() {
		String url = "jdbc:mariadb://root:s3cret%40x@127.0.0.1/shop";
		assertThat(Secrets.inUrl(url)).containsExactly("s3cret%40x", "s3cret@x");
		assertThat(Secrets.mask("Incorrect port value : s3cret@x@127.0.0.1", Secrets.inUrl(url)))
			.isEqualTo("Incorrect port value : ******@127.0.0.1");
		assertThat(Secrets.inUrl("jdbc:postgresql://db/shop?password=&user=app")).isEmpty();
		// too short to tell from ordinary words
		assertThat(Secrets.mask("as user 'a'", List.of("a", ""))).isEqualTo("as user 'a'");
	}

}
