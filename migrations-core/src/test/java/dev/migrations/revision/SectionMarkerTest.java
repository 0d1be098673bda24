package dev.migrations.revision;

import org.junit.jupiter.api.Test;

import dev.migrations.revision.Revision.SqlBody;
import dev.migrations.sql.SqlSyntax;

import static dev.migrations.revision.Revisions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line {@code -- upgrade} or {@code -- downgrade} marks a section only outside strings, quoted
 * identifiers, block comments and dollar quotes, read with the database's rules.
 */
class SectionMarkerTest {

	private static final String SOURCE = "db/revisions/3f2a9c1b7d4e_markers.sql";

	private static final String HEADERS = "-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n\n-- upgrade\n";

	private static SqlBody body(String content, SqlSyntax syntax) {
		return (SqlBody) RevisionFileParser.parse(content, SOURCE, syntax).body();
	}

	@Test
	void markerLinesInsidePostgresLiteralsCommentsAndDollarBodiesAreSql() {
		String upgrade = """
				INSERT INTO note (body) VALUES ('first line
				-- downgrade
				last line');
				CREATE TABLE "odd
				-- upgrade
				name" (id int);
				/* a comment
				-- downgrade
				*/
				CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$
				SELECT 'x'
				-- downgrade
				$body$;
				SELECT E'it\\'s
				-- downgrade
				';
				""";
		SqlBody body = body(HEADERS + upgrade + "\n-- downgrade\nDROP FUNCTION f();\n", SqlSyntax.POSTGRESQL);

		assertThat(body.upgrade()).isEqualTo(upgrade);
		assertThat(body.downgrade()).isEqualTo("DROP FUNCTION f();");
		assertThat(body.downgradeLine()).isEqualTo(23);
	}

	@Test
	void aMarkerLineInsideAStringDoesNotCutAnUpgradeWithoutDowngrade() {
		String upgrade = "INSERT INTO note (body) VALUES ('keep\n-- downgrade\nall of it');\nSELECT 1;";
		SqlBody body = body(HEADERS + upgrade + "\n", SqlSyntax.POSTGRESQL);

		assertThat(body.upgrade()).isEqualTo(upgrade);
		assertThat(body.downgrade()).isEmpty();
		assertThat(body.downgradeLine()).isZero();
	}

	@Test
	void markerLinesInsideMariaDbLiteralsAndCommentsAreSql() {
		// a backslash escapes a quote in MariaDB: read as PostgreSQL, the string would end early
		String upgrade = """
				INSERT INTO note (body) VALUES ('it\\'s
				-- downgrade
				still the string');
				INSERT INTO note (body) VALUES ("double
				-- downgrade
				quoted");
				CREATE TABLE `odd
				-- upgrade
				name` (id int);
				/* a comment
				-- downgrade
				*/
				""";
		SqlBody body = body(HEADERS + upgrade + "\n-- downgrade\nDELETE FROM note;\n", SqlSyntax.MARIADB);

		assertThat(body.upgrade()).isEqualTo(upgrade);
		assertThat(body.downgrade()).isEqualTo("DELETE FROM note;");
	}

	@Test
	void aRealMarkerAfterAStringHoldingOneStillCounts() {
		String content = HEADERS + "SELECT '\n-- downgrade\n';\n-- downgrade\nSELECT 2;\n-- downgrade\nSELECT 3;\n";

		RevisionFileException error = thrown(RevisionFileException.class,
				() -> RevisionFileParser.parse(content, SOURCE, SqlSyntax.POSTGRESQL));

		assertThat(error.line()).isEqualTo(10);
		assertThat(error.getMessage()).startsWith(SOURCE + ":10: second `-- downgrade` line (the first is line 8)");
	}

}
