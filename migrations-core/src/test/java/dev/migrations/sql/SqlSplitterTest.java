package dev.migrations.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What {@link SqlSplitter} sends to the database: the exact text and starting line of every
 * statement, and the messages of scripts it refuses.
 */
class SqlSplitterTest {

	// ---------------------------------------------------------------- file lines and section lines

	@Test
	void findsTheFirstPlainStringWithABackslashWhichStandardConformingStringsOffReadsAsAnEscape() {
		// E'' strings, dollar quotes, comments and identifiers read the same whatever the setting
		String script = "SELECT E'a\\\\b', $$c\\d$$, \"e\\f\" -- g\\h\n;\nSELECT 'ok';\nSELECT 'C:\\temp';";
		assertThat(SqlSplitter.lineOfBackslashInString(script, 10)).isEqualTo(13);
		assertThat(SqlSplitter.lineOfBackslashInString("SELECT E'a\\\\b', 'it''s';", 1)).isZero();
	}

	@Test
	void linesAreTheFilesWhenTheScriptStartsFurtherDown() {
		assertThat(SqlSplitter.split("SELECT 1;\n\nSELECT 2;", SqlSyntax.POSTGRESQL, 7))
			.containsExactly(new SqlStatement("SELECT 1", 7), new SqlStatement("SELECT 2", 9));
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split("SELECT 1;\nSELECT 'open;", SqlSyntax.POSTGRESQL, 7))
			.withMessageStartingWith("Unterminated string literal starting at line 8:")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(8));
	}

	@ParameterizedTest
	@EnumSource(SqlSyntax.class)
	void linesOutsideQuotesLeaveOutLinesInsideLiteralsAndBlockComments(SqlSyntax syntax) {
		String script = "SELECT 'a\nb';\n/* c\nd */\n-- e\nSELECT 1;\r\nSELECT 2;\rSELECT 3;";
		assertThat(SqlSplitter.linesOutsideQuotes(script, syntax).stream().boxed().toList())
			.containsExactly(1, 3, 5, 6, 7, 8);
		assertThat(SqlSplitter.linesOutsideQuotes("SELECT 'never closed\nx\ny", syntax).stream().boxed().toList())
			.containsExactly(1);
	}

	@Test
	void linesOutsideQuotesFollowEachDatabasesRules() {
		String dollar = "CREATE FUNCTION f() RETURNS int AS $f$\nSELECT 1\n$f$ LANGUAGE sql;\nSELECT 2;";
		assertThat(SqlSplitter.linesOutsideQuotes(dollar, SqlSyntax.POSTGRESQL).stream().boxed().toList())
			.containsExactly(1, 4);
		String escaped = "SELECT 'it\\'s\nx';\nSELECT `a\nb`;\nSELECT 1;";
		assertThat(SqlSplitter.linesOutsideQuotes(escaped, SqlSyntax.MARIADB).stream().boxed().toList())
			.containsExactly(1, 3, 5);
	}

	// ---------------------------------------------------------------- every syntax

	@ParameterizedTest(name = "{0} [{1}]")
	@MethodSource
	void splitsTheSameInEverySyntax(String description, SqlSyntax syntax, String script, List<SqlStatement> expected) {
		assertThat(SqlSplitter.split(script, syntax)).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> splitsTheSameInEverySyntax() {
		List<Arguments> cases = List.of(
				split("empty script", ""),
				split("whitespace only", " \n\t\r\n  "),
				split("empty statements are not sent", ";; ;\n;"),
				split("empty statements between statements", "SELECT 1;;\n;SELECT 2;",
						at(1, "SELECT 1"), at(2, "SELECT 2")),
				split("trailing statement without a semicolon", "SELECT 1;\nSELECT 2\n",
						at(1, "SELECT 1"), at(2, "SELECT 2")),
				split("three statements with their lines", """
						-- create the table
						CREATE TABLE bulletin (
						    id INT PRIMARY KEY,
						    status VARCHAR(20)
						);

						/* seed */
						INSERT INTO bulletin VALUES (1, 'draft');
						UPDATE bulletin SET status = 'published'
						WHERE id = 1;
						""",
						at(2, "CREATE TABLE bulletin (\n    id INT PRIMARY KEY,\n    status VARCHAR(20)\n)"),
						at(8, "INSERT INTO bulletin VALUES (1, 'draft')"),
						at(9, "UPDATE bulletin SET status = 'published'\nWHERE id = 1")),
				split("CRLF line endings", "SELECT 1;\r\n\r\nSELECT\r\n  2;\r\nSELECT 3",
						at(1, "SELECT 1"), at(3, "SELECT\r\n  2"), at(5, "SELECT 3")),
				split("lone CR line endings", "SELECT 1;\r\rSELECT 2;", at(1, "SELECT 1"), at(3, "SELECT 2")),
				split("byte order mark before the first statement", "\uFEFFSELECT 1;", at(1, "SELECT 1")),
				split("comments inside a statement are kept", "SELECT 1, -- first\n  2 /* second */, 3;",
						at(1, "SELECT 1, -- first\n  2 /* second */, 3")),
				split("comments before the first and after the last token are left out",
						"-- before\n/* also before */ SELECT 1 -- after\n/* after too */;",
						at(2, "SELECT 1")),
				split("comment after the semicolon starts no statement", "SELECT 1; -- done\n/* end */",
						at(1, "SELECT 1")),
				split("line counted across a multi-line block comment", "/* one\ntwo\nthree */ SELECT 1;",
						at(3, "SELECT 1")),
				split("line counted across a multi-line string", "SELECT 'a\nb';\nSELECT 2;",
						at(1, "SELECT 'a\nb'"), at(3, "SELECT 2")),
				split("semicolon inside a string", "INSERT INTO t VALUES ('a;b');SELECT 2",
						at(1, "INSERT INTO t VALUES ('a;b')"), at(1, "SELECT 2")),
				split("doubled quote inside a string", "SELECT 'it''s; fine';\nSELECT 2;",
						at(1, "SELECT 'it''s; fine'"), at(2, "SELECT 2")),
				split("semicolon inside double quotes", "SELECT \"a;b\" FROM t;", at(1, "SELECT \"a;b\" FROM t")),
				split("semicolon inside a line comment", "SELECT 1 -- a; b\n+ 1;", at(1, "SELECT 1 -- a; b\n+ 1")),
				split("semicolon inside a block comment", "SELECT /* ; */ 1;", at(1, "SELECT /* ; */ 1")),
				split("bind-parameter look-alikes are left untouched",
						"SELECT :name, ?, :1 FROM t WHERE a = :a AND b = ?;",
						at(1, "SELECT :name, ?, :1 FROM t WHERE a = :a AND b = ?")),
				split("JSON with colons is left untouched", "INSERT INTO t (data) VALUES ('{\"key\":true}');",
						at(1, "INSERT INTO t (data) VALUES ('{\"key\":true}')")));
		return Stream.of(SqlSyntax.values())
			.flatMap((syntax) -> cases.stream()
				.map((c) -> Arguments.of(c.get()[0], syntax, c.get()[1], c.get()[2])));
	}

	// ---------------------------------------------------------------- PostgreSQL

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void splitsPostgresql(String description, String script, List<SqlStatement> expected) {
		assertThat(SqlSplitter.split(script, SqlSyntax.POSTGRESQL)).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> splitsPostgresql() {
		return Stream.of(
				split("$$ function body with semicolons", """
						CREATE FUNCTION touch() RETURNS trigger AS $$
						BEGIN
						    NEW.updated := now();
						    RETURN NEW;
						END;
						$$ LANGUAGE plpgsql;
						SELECT 1;
						""",
						at(1, """
								CREATE FUNCTION touch() RETURNS trigger AS $$
								BEGIN
								    NEW.updated := now();
								    RETURN NEW;
								END;
								$$ LANGUAGE plpgsql"""),
						at(7, "SELECT 1")),
				split("$tag$ body holding $$", "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ $fn$ LANGUAGE sql;\nSELECT 2;",
						at(1, "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ $fn$ LANGUAGE sql"),
						at(2, "SELECT 2")),
				split("dollar quote inside another", "SELECT $a$ $b$ ; $b$ $a$;\nSELECT 2;",
						at(1, "SELECT $a$ $b$ ; $b$ $a$"), at(2, "SELECT 2")),
				split("DO block with a nested dollar quote",
						"DO $a$ BEGIN EXECUTE $b$SELECT 1;$b$; END $a$;\nSELECT 2;",
						at(1, "DO $a$ BEGIN EXECUTE $b$SELECT 1;$b$; END $a$"), at(2, "SELECT 2")),
				split("DO $$ block", "DO $$\nBEGIN\n  RAISE NOTICE 'x;y';\nEND\n$$;\nSELECT 2",
						at(1, "DO $$\nBEGIN\n  RAISE NOTICE 'x;y';\nEND\n$$"), at(6, "SELECT 2")),
				split("dollar tags are case-sensitive", "SELECT $T$ $t$; $T$; SELECT 2",
						at(1, "SELECT $T$ $t$; $T$"), at(1, "SELECT 2")),
				split("dollar tag with digits and underscores", "SELECT $fn_2$ ; $fn_2$;", at(1, "SELECT $fn_2$ ; $fn_2$")),
				split("$1 positional parameters are not dollar quotes",
						"PREPARE q(int, int) AS SELECT $1 + $2;\nEXECUTE q(1, 2);",
						at(1, "PREPARE q(int, int) AS SELECT $1 + $2"), at(2, "EXECUTE q(1, 2)")),
				split("dollar inside an identifier is not a dollar quote", "SELECT 1 AS a$b$; SELECT 2 AS c$b$;",
						at(1, "SELECT 1 AS a$b$"), at(1, "SELECT 2 AS c$b$")),
				split("backslash is literal in a standard string", "SELECT 'C:\\';\nSELECT 2;",
						at(1, "SELECT 'C:\\'"), at(2, "SELECT 2")),
				split("E'\\'' escapes the quote", "SELECT E'\\';';\nSELECT 2;", at(1, "SELECT E'\\';'"),
						at(2, "SELECT 2")),
				split("e'\\\\' escapes the backslash", "SELECT e'a\\\\'; SELECT 2;", at(1, "SELECT e'a\\\\'"),
						at(1, "SELECT 2")),
				split("E'' string with a doubled quote", "SELECT E'it''s;';", at(1, "SELECT E'it''s;'")),
				split("a word ending in e is no escape prefix", "SELECT 1 AS type, 'C:\\'; SELECT 2;",
						at(1, "SELECT 1 AS type, 'C:\\'"), at(1, "SELECT 2")),
				split("U&, B and X strings", "SELECT U&'d\\0061t\\0061;', B'101', X'1F';\nSELECT 2;",
						at(1, "SELECT U&'d\\0061t\\0061;', B'101', X'1F'"), at(2, "SELECT 2")),
				split("quoted identifier with a semicolon and a doubled quote",
						"CREATE TABLE \"odd;name \"\"x\"\"\" (id int);\nDROP TABLE \"odd;name \"\"x\"\"\";",
						at(1, "CREATE TABLE \"odd;name \"\"x\"\"\" (id int)"),
						at(2, "DROP TABLE \"odd;name \"\"x\"\"\"")),
				split("nested block comments", "/* outer /* inner; */ still comment; */ SELECT 1;\nSELECT 2;",
						at(1, "SELECT 1"), at(2, "SELECT 2")),
				split("nested block comment inside a statement is kept", "SELECT 1 /* a /* b; */ c; */ + 1;",
						at(1, "SELECT 1 /* a /* b; */ c; */ + 1")),
				split("casts, JSON operators and :name are left untouched", """
						INSERT INTO t (data) VALUES ('{"key":true}'::jsonb);
						SELECT data->>'key', data::text, :name FROM t WHERE data @> '{"a":1}' AND x = ?;
						""",
						at(1, "INSERT INTO t (data) VALUES ('{\"key\":true}'::jsonb)"),
						at(2, "SELECT data->>'key', data::text, :name FROM t WHERE data @> '{\"a\":1}' AND x = ?")),
				split("BEGIN ATOMIC function body is one statement",
						"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT f();",
						at(1, "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END"),
						at(2, "SELECT f()")),
				split("BEGIN ATOMIC body with CASE ... END", """
						CREATE OR REPLACE FUNCTION grade(score int) RETURNS text
						LANGUAGE sql
						BEGIN ATOMIC
						  SELECT CASE WHEN score >= 50 THEN 'pass' ELSE 'fail' END;
						END;
						SELECT grade(60);
						""",
						at(1, """
								CREATE OR REPLACE FUNCTION grade(score int) RETURNS text
								LANGUAGE sql
								BEGIN ATOMIC
								  SELECT CASE WHEN score >= 50 THEN 'pass' ELSE 'fail' END;
								END"""),
						at(6, "SELECT grade(60)")),
				split("BEGIN ATOMIC procedure with a comment between the keywords",
						"create procedure p() language sql begin /* standard */ atomic insert into t values (1); insert into t values (2); end;\ncall p();",
						at(1, "create procedure p() language sql begin /* standard */ atomic insert into t values (1); insert into t values (2); end"),
						at(2, "call p()")),
				split("transaction BEGIN and CASE outside a routine are ordinary",
						"BEGIN;\nSELECT CASE WHEN true THEN 1 END;\nCOMMIT;",
						at(1, "BEGIN"), at(2, "SELECT CASE WHEN true THEN 1 END"), at(3, "COMMIT")),
				split("a backslash at line start inside a string or dollar quote is text",
						"SELECT '\n\\x', $$\n\\y$$;", at(1, "SELECT '\n\\x', $$\n\\y$$")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void rejectsPostgresql(String description, String script, String message, int line) {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split(script, SqlSyntax.POSTGRESQL))
			.withMessage(message)
			.extracting(SqlSyntaxException::line)
			.isEqualTo(line);
	}

	static Stream<Arguments> rejectsPostgresql() {
		return Stream.of(
				Arguments.of("unterminated string", "SELECT 1;\nSELECT 'abc;\nSELECT 3;",
						"Unterminated string literal starting at line 2: add the closing ' (a quote inside a string is written '')",
						2),
				Arguments.of("backslash does not escape in a standard string", "SELECT 'it\\'s';",
						"Unterminated string literal starting at line 1: add the closing ' (a quote inside a string is written '')",
						1),
				Arguments.of("unterminated escape string", "SELECT 1;\n\nSELECT E'\\';",
						"Unterminated escape string starting at line 3: add the closing ' (a quote inside an E'' string is written '' or \\')",
						3),
				Arguments.of("unterminated quoted identifier", "SELECT \"abc;\nFROM t;",
						"Unterminated quoted identifier starting at line 1: add the closing \" (a quote inside an identifier is written \"\")",
						1),
				Arguments.of("unterminated dollar quote",
						"SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n$$ LANGUAGE sql;",
						"Unterminated dollar-quoted string $body$ starting at line 2: add the closing $body$", 2),
				Arguments.of("nested block comment closed only once", "SELECT 1;\n/* a /* b */\nSELECT 2;",
						"Unterminated block comment starting at line 2: add the closing */ (block comments nest, so each /* inside needs its own */ too)",
						2),
				Arguments.of("psql meta-command", "SELECT 1;\n\\connect other\nSELECT 2;",
						"Line 2 starts with the psql meta-command '\\connect': revision files are plain SQL sent through JDBC,"
								+ " not psql scripts; replace it with SQL (COPY ... FROM STDIN data with INSERT statements,"
								+ " \\set variables with literal values, \\i with the included statements) or remove it",
						2));
	}

	@Test
	void rejectsIndentedMetaCommandAndCopyData() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split("  \\set ON_ERROR_STOP on\nSELECT 1;", SqlSyntax.POSTGRESQL))
			.withMessageStartingWith("Line 1 starts with the psql meta-command '\\set': ");
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split("SELECT 1;\nCOPY t FROM stdin;\n1\tx\n\\.\n", SqlSyntax.POSTGRESQL))
			.withMessageStartingWith("Line 2 holds COPY ... FROM STDIN, whose rows psql reads from the lines after it: ")
			.withMessageEndingWith("write the rows as INSERT statements, or COPY from a file the server can read");
		assertThat(SqlSplitter.split("COPY t TO stdout;\nCOPY t FROM '/tmp/stdin.csv';\nSELECT 'copy from stdin';",
				SqlSyntax.POSTGRESQL)).hasSize(3);
	}

	@Test
	void rejectsAMariadbStoredProgramWhoseBodyTheDefaultDelimiterCuts() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split("SELECT 1;\nCREATE OR REPLACE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT"
					+ " ON t\nFOR EACH ROW BEGIN\n  SET NEW.a = CASE WHEN NEW.a > 0 THEN 1 END;\nEND;", SqlSyntax.MARIADB))
			.withMessageStartingWith("Line 2 starts a stored program (CREATE TRIGGER) whose BEGIN ... END body the ';'"
					+ " at line 4 cuts short: ");
		// no body to cut: an empty one, none at all, and BEGIN or EVENT as names
		String script = """
				CREATE PROCEDURE p0() BEGIN END;
				CREATE FUNCTION f0() RETURNS int RETURN (SELECT begin FROM t);
				CREATE DEFINER=root@localhost VIEW v1 AS SELECT 1 AS event;
				CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1;
				CREATE TABLE x1 (`begin` int);
				""";
		assertThat(SqlSplitter.split(script, SqlSyntax.MARIADB)).hasSize(5);
	}

	@Test
	void backslashIsAnEscapeInMariadbButNotInPostgresql() {
		String script = "SELECT '\\''; SELECT 2;";
		assertThat(SqlSplitter.split(script, SqlSyntax.MARIADB)).containsExactly(at(1, "SELECT '\\''"),
				at(1, "SELECT 2"));
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split(script, SqlSyntax.POSTGRESQL))
			.withMessageStartingWith("Unterminated string literal starting at line 1");
	}

	@Test
	void blockCommentsNestInPostgresqlButNotInMariadb() {
		String script = "/* a /* b */ SELECT 1;";
		assertThat(SqlSplitter.split(script, SqlSyntax.MARIADB)).containsExactly(at(1, "SELECT 1"));
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split(script, SqlSyntax.POSTGRESQL))
			.withMessageStartingWith("Unterminated block comment starting at line 1");
	}

	// ---------------------------------------------------------------- MariaDB

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void splitsMariadb(String description, String script, List<SqlStatement> expected) {
		assertThat(SqlSplitter.split(script, SqlSyntax.MARIADB)).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> splitsMariadb() {
		return Stream.of(
				split("escaped backslash before the closing quote", "SELECT 'a\\\\'; SELECT 2;",
						at(1, "SELECT 'a\\\\'"), at(1, "SELECT 2")),
				split("escaped quote followed by a semicolon", "SELECT 'it\\'s; fine';\nSELECT 2;",
						at(1, "SELECT 'it\\'s; fine'"), at(2, "SELECT 2")),
				split("double-quoted string with escapes and doubling", "SELECT \"say \\\"hi\\\"; \"\"now\"\"\"; SELECT 2;",
						at(1, "SELECT \"say \\\"hi\\\"; \"\"now\"\"\""), at(1, "SELECT 2")),
				split("backtick identifier with a semicolon and a doubled backtick",
						"CREATE TABLE `odd;name ``x``` (id INT);\nSELECT 2;",
						at(1, "CREATE TABLE `odd;name ``x``` (id INT)"), at(2, "SELECT 2")),
				split("backslash does not escape in a backtick identifier", "SELECT 1 AS `a\\`; SELECT 2;",
						at(1, "SELECT 1 AS `a\\`"), at(1, "SELECT 2")),
				split("hash comments", "# setup; first\nSELECT 1; # trailing; note\nSELECT 2 # here;\n;",
						at(2, "SELECT 1"), at(3, "SELECT 2")),
				split("-- is a comment only before whitespace", "SELECT 1--1;\nSELECT 2 -- note; here\n;\nSELECT 3 --\n;",
						at(1, "SELECT 1--1"), at(2, "SELECT 2"), at(4, "SELECT 3")),
				split("-- at the very end is a comment", "SELECT 1 --", at(1, "SELECT 1")),
				split("executable comments are statement text", """
						/*!40101 SET NAMES utf8mb4 */;
						/*M!100100 SET @x = 'a;b' */;
						SELECT /*! STRAIGHT_JOIN */ 1;
						""",
						at(1, "/*!40101 SET NAMES utf8mb4 */"), at(2, "/*M!100100 SET @x = 'a;b' */"),
						at(3, "SELECT /*! STRAIGHT_JOIN */ 1")),
				split("DELIMITER $$ around a procedure", """
						DROP PROCEDURE IF EXISTS add_bulletin;
						DELIMITER $$
						CREATE PROCEDURE add_bulletin(IN p_title VARCHAR(100))
						BEGIN
						    INSERT INTO bulletin (title) VALUES (p_title);
						    SELECT LAST_INSERT_ID();
						END$$
						DELIMITER ;
						CALL add_bulletin('first; post');
						""",
						at(1, "DROP PROCEDURE IF EXISTS add_bulletin"),
						at(3, """
								CREATE PROCEDURE add_bulletin(IN p_title VARCHAR(100))
								BEGIN
								    INSERT INTO bulletin (title) VALUES (p_title);
								    SELECT LAST_INSERT_ID();
								END"""),
						at(9, "CALL add_bulletin('first; post')")),
				split("lowercase delimiter // around a trigger", """
						delimiter //
						CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
						BEGIN
						  SET NEW.a = 1;
						END //
						delimiter ;
						SELECT 1;
						""",
						at(2, "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.a = 1;\nEND"),
						at(7, "SELECT 1")),
				split("DELIMITER ;; splits several statements", "DELIMITER ;;\nSELECT 1;;\nSELECT 2;;\nDELIMITER ;\nSELECT 3;",
						at(2, "SELECT 1"), at(3, "SELECT 2"), at(5, "SELECT 3")),
				split("custom delimiter inside a string or comment does not split",
						"DELIMITER $$\nSELECT '$$' /* $$ */ -- $$\n, 2$$\nDELIMITER ;",
						at(2, "SELECT '$$' /* $$ */ -- $$\n, 2")),
				split("custom delimiter applies until the end of the script", "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END",
						at(2, "CREATE PROCEDURE p() BEGIN SELECT 1; END")),
				split("a line starting with delimiter inside a statement is a column",
						"CREATE TABLE t (\ndelimiter VARCHAR(3)\n);",
						at(1, "CREATE TABLE t (\ndelimiter VARCHAR(3)\n)")),
				split("dollar signs are not quotes", "SELECT 1 AS $a; SELECT '$$';", at(1, "SELECT 1 AS $a"),
						at(1, "SELECT '$$'")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void rejectsMariadb(String description, String script, String message, int line) {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split(script, SqlSyntax.MARIADB))
			.withMessage(message)
			.extracting(SqlSyntaxException::line)
			.isEqualTo(line);
	}

	static Stream<Arguments> rejectsMariadb() {
		return Stream.of(
				Arguments.of("escaped quote leaves the string open", "SELECT 1;\nSELECT 'abc\\';",
						"Unterminated string literal starting at line 2: add the closing ' (a quote inside a string is written '' or \\')",
						2),
				Arguments.of("unterminated double-quoted string", "SELECT \"abc;",
						"Unterminated string literal starting at line 1: add the closing \" (a quote inside it is written \"\" or \\\")",
						1),
				Arguments.of("unterminated backtick identifier", "\nSELECT `abc;",
						"Unterminated quoted identifier starting at line 2: add the closing ` (a backtick inside an identifier is written ``)",
						2),
				Arguments.of("unterminated block comment", "SELECT 1; /* a;",
						"Unterminated block comment starting at line 1: add the closing */", 1),
				Arguments.of("DELIMITER without a delimiter", "SELECT 1;\nDELIMITER   \nSELECT 2;",
						"DELIMITER at line 2 names no delimiter; write for example 'DELIMITER $$' before a stored program and 'DELIMITER ;' after it",
						2));
	}

	// ---------------------------------------------------------------- H2

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void splitsH2(String description, String script, List<SqlStatement> expected) {
		assertThat(SqlSplitter.split(script, SqlSyntax.H2)).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> splitsH2() {
		return Stream.of(
				split("$$ body with semicolons",
						"CREATE ALIAS rev AS $$ String rev(String s) { return new StringBuilder(s).reverse().toString(); } $$;\nSELECT rev('abc');",
						at(1, "CREATE ALIAS rev AS $$ String rev(String s) { return new StringBuilder(s).reverse().toString(); } $$"),
						at(2, "SELECT rev('abc')")),
				split("// line comments", "// setup; here\nSELECT 1; // after; it\nSELECT 2 // x;\n;",
						at(2, "SELECT 1"), at(3, "SELECT 2")),
				split("-- needs no whitespace after it", "SELECT 1 --x;\n;", at(1, "SELECT 1")),
				split("nested block comments, as H2 2.x reads them", "/* a /* b; */ c; */ SELECT 1;",
						at(1, "SELECT 1")),
				split("backslash is literal in a string", "SELECT 'C:\\'; SELECT 2;", at(1, "SELECT 'C:\\'"),
						at(1, "SELECT 2")),
				split("dollar inside an identifier", "CREATE TABLE a$b (x INT); SELECT x FROM a$b;",
						at(1, "CREATE TABLE a$b (x INT)"), at(1, "SELECT x FROM a$b")),
				split("quoted identifier with a doubled quote", "SELECT 1 AS \"a;\"\"b\"; SELECT 2;",
						at(1, "SELECT 1 AS \"a;\"\"b\""), at(1, "SELECT 2")));
	}

	@Test
	void rejectsUnterminatedH2Body() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> SqlSplitter.split("SELECT 1;\nCREATE ALIAS f AS $$ int f() { return 1; }", SqlSyntax.H2))
			.withMessage("Unterminated dollar-quoted string $$ starting at line 2: add the closing $$");
	}

	// ---------------------------------------------------------------- size

	@ParameterizedTest
	@EnumSource(SqlSyntax.class)
	void splitsMegabytesInLinearTime(SqlSyntax syntax) {
		StringBuilder script = new StringBuilder();
		int count = 100_000;
		for (int i = 0; i < count; i++) {
			script.append("-- row ").append(i).append('\n')
				.append("INSERT INTO t (id, data) VALUES (").append(i).append(", '{\"key\":true}'); /* x */\n");
		}
		// a bound against hanging, not a measurement: a quadratic split of 5 MB would take hours, a linear one
		// seconds even on a busy machine
		List<SqlStatement> statements = assertTimeoutPreemptively(Duration.ofMinutes(2),
				() -> SqlSplitter.split(script.toString(), syntax));
		assertThat(script.length()).isGreaterThan(5_000_000);
		assertThat(statements).hasSize(count);
		assertThat(statements.get(count - 1))
			.isEqualTo(at(2 * count, "INSERT INTO t (id, data) VALUES (" + (count - 1) + ", '{\"key\":true}')"));
	}

	@Test
	void unterminatedBodyInAHugeScriptFailsFast() {
		String script = "DO $$ BEGIN\n" + "SELECT 1;\n".repeat(200_000);
		List<Throwable> thrown = new ArrayList<>();
		assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
			try {
				SqlSplitter.split(script, SqlSyntax.POSTGRESQL);
			}
			catch (SqlSyntaxException ex) {
				thrown.add(ex);
			}
		});
		assertThat(thrown).singleElement()
			.extracting(Throwable::getMessage)
			.isEqualTo("Unterminated dollar-quoted string $$ starting at line 1: add the closing $$");
	}

	@ParameterizedTest
	@EnumSource(SqlSyntax.class)
	void randomScriptsEitherSplitCleanlyOrFailWithASyntaxError(SqlSyntax syntax) {
		String[] pieces = { ";", "'", "\"", "`", "$", "$$", "$t$", "$1", "a", "E", "e'", "U&'", "\\", "/*", "*/",
				"/*!", "--", "-- ", "#", "//", "\n", "\r\n", "\r", " ", "(", ")", "BEGIN", "ATOMIC", "END", "CASE",
				"CREATE FUNCTION f() ", "\nDELIMITER $$\n", "\nDELIMITER ;\n", "\nDELIMITER", "SELECT 1" };
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder script = new StringBuilder();
			for (int j = random.nextInt(30); j > 0; j--) {
				script.append(pieces[random.nextInt(pieces.length)]);
			}
			List<SqlStatement> statements;
			try {
				statements = SqlSplitter.split(script.toString(), syntax);
			}
			catch (SqlSyntaxException ex) {
				assertThat(ex.line()).as(script::toString).isBetween(1, lineCount(script));
				assertThat(ex.getMessage()).as(script::toString).containsIgnoringCase("line " + ex.line());
				continue;
			}
			int previousLine = 1;
			for (SqlStatement statement : statements) {
				assertThat(statement.sql()).as(script::toString).isNotEmpty().isEqualTo(statement.sql().strip());
				assertThat(script.toString()).contains(statement.sql());
				assertThat(statement.line()).as(script::toString).isBetween(previousLine, lineCount(script));
				previousLine = statement.line();
			}
		}
	}

	private static int lineCount(CharSequence script) {
		return (int) script.toString().lines().count() + (script.toString().matches("(?s).*[\r\n]") ? 1 : 0)
				+ (script.isEmpty() ? 1 : 0);
	}

	private static Arguments split(String description, String script, SqlStatement... expected) {
		return Arguments.of(description, script, List.of(expected));
	}

	private static SqlStatement at(int line, String sql) {
		return new SqlStatement(sql, line);
	}

}
