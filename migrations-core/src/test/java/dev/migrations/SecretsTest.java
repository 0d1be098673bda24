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

	@Test
	void aStatementsPasswordLiteralsAreMaskedAndTheStatementStaysReadable() {
		// PostgreSQL roles, as written and as a driver or PL/pgSQL quotes them
		assertThat(Secrets.maskSql("CREATE ROLE app LOGIN PASSWORD 's3cret'"))
			.isEqualTo("CREATE ROLE app LOGIN PASSWORD '******'");
		assertThat(Secrets.maskSql("ALTER USER x WITH ENCRYPTED password 'it''s s3cret' VALID UNTIL 'infinity';"))
			.isEqualTo("ALTER USER x WITH ENCRYPTED password '******' VALID UNTIL 'infinity';");
		assertThat(Secrets.maskSql("ALTER ROLE x PASSWORD E'a\\'b'")).isEqualTo("ALTER ROLE x PASSWORD E'******'");
		assertThat(Secrets.maskSql("CREATE ROLE x PASSWORD $pw$s3cret$pw$ LOGIN")).isEqualTo("CREATE ROLE x PASSWORD $pw$******$pw$ LOGIN");
		assertThat(Secrets.maskSql("DO $$ BEGIN EXECUTE 'CREATE ROLE x PASSWORD ''s3cret'' LOGIN'; END $$"))
			.isEqualTo("DO $$ BEGIN EXECUTE 'CREATE ROLE x PASSWORD ''******'' LOGIN'; END $$");
		assertThat(Secrets.maskSql("Where: SQL statement \"CREATE ROLE x PASSWORD 's3cret'\""))
			.isEqualTo("Where: SQL statement \"CREATE ROLE x PASSWORD '******'\"");
		// postgres_fdw and dblink
		assertThat(Secrets.maskSql("CREATE USER MAPPING FOR app SERVER films OPTIONS (user 'bob', password 's3cret')"))
			.isEqualTo("CREATE USER MAPPING FOR app SERVER films OPTIONS (user 'bob', password '******')");
		assertThat(Secrets.maskSql("ALTER USER MAPPING FOR app SERVER films OPTIONS (SET password 's3cret')"))
			.isEqualTo("ALTER USER MAPPING FOR app SERVER films OPTIONS (SET password '******')");
		assertThat(Secrets.maskSql("SELECT dblink_connect('host=db user=bob password=s3cret dbname=films')"))
			.isEqualTo("SELECT dblink_connect('host=db user=bob password=****** dbname=films')");
		assertThat(Secrets.maskSql("SELECT dblink('postgresql://bob:s3c@ret@db:5432/films', 'SELECT 1')"))
			.isEqualTo("SELECT dblink('postgresql://bob:******@db:5432/films', 'SELECT 1')");
		// MariaDB and MySQL
		assertThat(Secrets.maskSql("CREATE USER 'app'@'%' IDENTIFIED BY 's3cret'"))
			.isEqualTo("CREATE USER 'app'@'%' IDENTIFIED BY '******'");
		assertThat(Secrets.maskSql("ALTER USER app IDENTIFIED BY \"it\\'s\" ACCOUNT UNLOCK"))
			.isEqualTo("ALTER USER app IDENTIFIED BY \"******\" ACCOUNT UNLOCK");
		assertThat(Secrets.maskSql("CREATE USER app IDENTIFIED BY PASSWORD '*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29'"))
			.isEqualTo("CREATE USER app IDENTIFIED BY PASSWORD '******'");
		assertThat(Secrets.maskSql("CREATE USER app IDENTIFIED WITH mysql_native_password BY 's3cret'"))
			.isEqualTo("CREATE USER app IDENTIFIED WITH mysql_native_password BY '******'");
		assertThat(Secrets.maskSql("CREATE USER app IDENTIFIED VIA ed25519 USING PASSWORD('s3cret')"))
			.isEqualTo("CREATE USER app IDENTIFIED VIA ed25519 USING PASSWORD('******')");
		assertThat(Secrets.maskSql("SET PASSWORD FOR 'app'@'%' = PASSWORD('s3cret')"))
			.isEqualTo("SET PASSWORD FOR 'app'@'%' = PASSWORD('******')");
		assertThat(Secrets.maskSql("SET PASSWORD FOR 'app'@'%' = 's3cret'")).isEqualTo("SET PASSWORD FOR 'app'@'%' = '******'");
		assertThat(Secrets.maskSql("CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (USER 'bob', PASSWORD 's3cret')"))
			.isEqualTo("CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (USER 'bob', PASSWORD '******')");
		// as MariaDB quotes a statement it could not parse; a literal cut short is masked to the end of its line
		assertThat(Secrets.maskSql("You have an error in your SQL syntax; near 'IDENTIFIED BY 's3cret' LOGN' at line 1"))
			.isEqualTo("You have an error in your SQL syntax; near 'IDENTIFIED BY '******' LOGN' at line 1");
		assertThat(Secrets.maskSql("statement 2 (line 7): CREATE ROLE x PASSWORD 's3cr ...\nERROR: boom"))
			.isEqualTo("statement 2 (line 7): CREATE ROLE x PASSWORD '******'\nERROR: boom");
		// what is not a password literal stays as it is
		String plain = "ERROR: password authentication failed for user \"app\"; UPDATE account SET password = NULL;"
				+ " INSERT INTO t (password_hint) VALUES ('ask'); ALTER ROLE x PASSWORD NULL; jdbc:postgresql://db:5432/shop";
		assertThat(Secrets.maskSql(plain)).isEqualTo(plain);
		assertThat(Secrets.maskSql("CREATE ROLE x PASSWORD '******'")).isEqualTo("CREATE ROLE x PASSWORD '******'");
		assertThat(Secrets.maskSql(null)).isNull();
	}

	@Test
	void aLongOrPathologicalTextIsMaskedWithoutExhaustingTheStack() {
		// a literal that runs on (a token used as a password, a line cut short) is read char by char, not by recursion
		String token = "eyJ0eXAiOiJKV1Qi" + "x".repeat(100_000);
		assertThat(Secrets.maskSql("CREATE USER MAPPING FOR app SERVER s OPTIONS (password '" + token + "')"))
			.isEqualTo("CREATE USER MAPPING FOR app SERVER s OPTIONS (password '******')");
		assertThat(Secrets.maskSql("ALTER ROLE x PASSWORD '" + token)).isEqualTo("ALTER ROLE x PASSWORD '******'");
		assertThat(Secrets.maskSql("ALTER USER app IDENTIFIED BY \"" + token + "\"")).isEqualTo("ALTER USER app IDENTIFIED BY \"******\"");
		assertThat(Secrets.maskSql("ALTER ROLE x PASSWORD E'" + "\\'".repeat(50_000) + "' LOGIN"))
			.isEqualTo("ALTER ROLE x PASSWORD E'******' LOGIN");
		assertThat(Secrets.maskSql("ALTER ROLE x PASSWORD '" + "a''".repeat(50_000) + "' LOGIN"))
			.isEqualTo("ALTER ROLE x PASSWORD '******' LOGIN");
		// what would make a backtracking pattern go over the same text again for each of its words finishes too
		for (String text : List.of("SET PASSWORD ".repeat(8_000), "PASSWORD $a$ ".repeat(8_000), "PASSWORD $a".repeat(10_000),
				"IDENTIFIED WITH x ".repeat(6_000), "PASSWORD" + " ".repeat(100_000) + "x", "//" + ":".repeat(100_000),
				"password=".repeat(12_000), "INSERT INTO t VALUES " + "('password x', 'y'),".repeat(5_000))) {
			assertThat(Secrets.maskSql(text)).startsWith(text.substring(0, 2));
		}
		String statement = ("INSERT INTO t VALUES ('" + "x".repeat(1_000) + "');\n").repeat(1_000);
		assertThat(Secrets.maskSql(statement)).isEqualTo(statement);
	}

	@Test
	void aPasswordWrittenAsAUnicodeLiteralOrQuotedInAConnectionStringIsMasked() {
		assertThat(Secrets.maskSql("CREATE ROLE x PASSWORD U&'s3\\0063ret' LOGIN")).isEqualTo("CREATE ROLE x PASSWORD U&'******' LOGIN");
		assertThat(Secrets.maskSql("ALTER USER app IDENTIFIED BY \"&s3cret\"")).isEqualTo("ALTER USER app IDENTIFIED BY \"******\"");
		// a libpq connection string quotes a value with a space, doubled within the statement's literal
		assertThat(Secrets.maskSql("SELECT dblink_connect('host=db password=''s3 cret'' dbname=films')"))
			.isEqualTo("SELECT dblink_connect('host=db password=''******'' dbname=films')");
		assertThat(Secrets.maskSql("could not connect: host=db password='s3 cret' dbname=films"))
			.isEqualTo("could not connect: host=db password='******' dbname=films");
	}

	@Test
	void aUrlMaskedAlreadyKeepsWhatFollowsItsMaskedPassword() {
		// a message naming the URL masked by maskUrl, then masked again as a failure's text
		String message = "No JDBC driver on the class path accepts spring.datasource.url=jdbc:postgres://h:5432/db?user=app"
				+ "&password=******: check its spelling";
		assertThat(Secrets.maskSql(message)).isEqualTo(message);
		assertThat(Secrets.maskSql("url=jdbc:x://h/db?password=s3cret: check")).isEqualTo("url=jdbc:x://h/db?password=****** check");
	}

}
