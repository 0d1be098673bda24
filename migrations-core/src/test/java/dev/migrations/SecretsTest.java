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

	@Test
	void aPasswordInsideAnotherWordIsNotMasked() {
		// "postgres", "secret", "app": a development password is often a word that names, or starts, other things
		String failure = "Could not connect to jdbc:postgresql://127.0.0.1:5432/shop: INSERT INTO postgres_things SELECT"
				+ " secret_id FROM apps";
		assertThat(Secrets.mask(failure, List.of("postgres", "secret", "app"))).isEqualTo(failure);
		assertThat(Secrets.mask("password authentication failed ('postgres'), token secret.", List.of("postgres", "secret")))
			.isEqualTo("password authentication failed ('******'), token ******.");
		// a password that does not start or end with a letter or digit is masked wherever it is
		assertThat(Secrets.mask("x-p@ss!y", List.of("p@ss!"))).isEqualTo("x-******y");
	}

	@Test
	void aShortPasswordIsMaskedWhereTheDriverQuotesTheUrlsUserAndPassword() {
		assertThat(Secrets.mask("The connection attempt failed. (unknown host app:ab@127.0.0.1) as user 'ab'", List.of("ab")))
			.isEqualTo("The connection attempt failed. (unknown host app:******@127.0.0.1) as user 'ab'");
	}

}
