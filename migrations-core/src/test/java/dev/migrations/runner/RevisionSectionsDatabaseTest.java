package dev.migrations.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.revision.RevisionFileException;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Revision sections as the database runs them: section lines inside SQL text, the file's own line
 * in splitting errors, and an upgrade section left empty.
 */
@ExtendWith(TestDatabaseExtension.class)
class RevisionSectionsDatabaseTest {

	@TempDir
	Path directory;

	private Migrations load(TestDatabase db) {
		return Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory).load();
	}

	@Test
	void sectionLinesInsideALiteralAndADollarBodyRunAsSqlOnPostgres(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "notes", """
				CREATE TABLE note (body text);
				INSERT INTO note VALUES ('before
				-- downgrade
				after');
				CREATE FUNCTION marker() RETURNS text LANGUAGE plpgsql AS $$
				BEGIN
				-- upgrade
				RETURN 'from the body';
				END
				$$;""", "DROP FUNCTION marker();\nDROP TABLE note;");
		// no real downgrade: the marker inside the string must not cut the upgrade
		Path noDowngrade = this.directory.resolve("bbbb00000002_no_downgrade.sql");
		RevisionFiles.writeText(noDowngrade, """
				-- revision: bbbb00000002
				-- down_revision: aaaa00000001

				-- upgrade
				INSERT INTO note VALUES ('x
				-- downgrade
				y');
				INSERT INTO note VALUES ('z');
				""");
		Migrations migrations = load(db);

		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "select body from note order by body"))
			.containsExactly("before\n-- downgrade\nafter", "x\n-- downgrade\ny", "z");
		assertThat(Sql.column(db.dataSource(), "select marker()")).containsExactly("from the body");
		assertThat(migrations.graph().get("bbbb00000002").body()).isInstanceOfSatisfying(
				dev.migrations.revision.Revision.SqlBody.class, (body) -> assertThat(body.downgrade()).isEmpty());
		// nothing to run for its downgrade: refused, before anything runs, with the way to record it undone
		assertThatThrownBy(() -> migrations.downgrade("base")).isInstanceOf(RevisionFileException.class)
			.hasMessageContaining("bbbb00000002_no_downgrade.sql")
			.hasMessageContaining("revision bbbb00000002 cannot be downgraded: its downgrade section has no statement")
			.hasMessageContaining("`db stamp aaaa00000001`");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
		migrations.stamp("aaaa00000001");
		migrations.downgrade("base");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("note");
	}

	@Test
	void sectionLinesInsideLiteralsRunAsSqlOnMariaDb(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "notes", """
				CREATE TABLE note (body varchar(100));
				INSERT INTO note VALUES ('it\\'s
				-- downgrade
				kept');
				INSERT INTO note VALUES ("double
				-- upgrade
				quoted");""", "DROP TABLE note;");
		Migrations migrations = load(db);

		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "select body from note order by body"))
			.containsExactly("double\n-- upgrade\nquoted", "it's\n-- downgrade\nkept");
		migrations.downgrade("base");
		assertThat(Sql.column(db.dataSource(),
				"select count(*) from information_schema.tables where table_schema = database() and table_name = 'note'"))
			.containsExactly("0");
	}

	@Test
	void aSplittingErrorGivesTheFilesOwnLine(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		// headers and blank line: lines 1 to 5, `-- upgrade` line 6, the statements from line 7
		Path file = files.write("aaaa00000001", "none", "broken", "CREATE TABLE t (id int);\nSELECT 'unclosed;",
				"DROP TABLE t;");
		Migrations migrations = load(db);

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith(file + ":8: the upgrade section cannot be split into statements: Unterminated string"
					+ " literal starting at line 8")
			.withMessageNotContaining("counted from");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("t");
	}

	@Test
	void semicolonsInsideParenthesesStayInTheStatementOnPostgres(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		// as psql reads it: a rule with several actions is one statement
		files.write("aaaa00000001", "none", "audited view", """
				CREATE TABLE item (id int);
				CREATE TABLE item_audit (id int);
				CREATE VIEW item_view AS SELECT id FROM item;
				CREATE RULE item_view_insert AS ON INSERT TO item_view DO INSTEAD (
				  INSERT INTO item VALUES (NEW.id);
				  INSERT INTO item_audit VALUES (NEW.id)
				);
				INSERT INTO item_view VALUES (7);""", "DROP VIEW item_view;\nDROP TABLE item_audit;\nDROP TABLE item;");
		Migrations migrations = load(db);

		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "select (select count(*) from item) || ' ' || (select count(*) from item_audit)"))
			.containsExactly("1 1");

		// so a parenthesis left open would take in every statement after it: refused, naming its line
		Path unclosed = files.write("bbbb00000002", "aaaa00000001", "unclosed", """
				CREATE TABLE note (id int;
				CREATE INDEX ix_item_id ON item (id);""", "DROP TABLE note;");
		migrations.reload();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith(unclosed + ":7: the upgrade section cannot be split into statements: Unclosed"
					+ " parenthesis starting at line 7: add the closing )");
	}

	@Test
	void aCopyFromStdinWithItsRowsIsRefusedAtTheCopyLine(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create person", "CREATE TABLE person (id int, name text);",
				"DROP TABLE person;");
		// rows as pg_dump writes them: a quote and \N in the data are not SQL
		Path file = files.write("bbbb00000002", "aaaa00000001", "load people",
				"INSERT INTO person VALUES (0, 'first');\nCOPY person (id, name) FROM stdin;\n1\tO'Brien\n2\t\\N\n\\.",
				"DELETE FROM person;");
		Migrations migrations = load(db);
		migrations.upgrade("aaaa00000001");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith(file + ":8: the upgrade section cannot be split into statements: Line 8 holds"
					+ " COPY ... FROM STDIN")
			.withMessageContaining("write the rows as INSERT statements");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select count(*) from person")).containsExactly("0");
	}

	@Test
	void aStoredProgramWithoutDelimiterIsRefusedBeforeAnythingRunsOnMariaDb(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		Path file = files.write("aaaa00000001", "none", "notes", """
				CREATE TABLE note (id int);
				CREATE DEFINER = CURRENT_USER PROCEDURE add_note(IN x int)
				BEGIN
				  INSERT INTO note VALUES (x);
				END;""", "DROP PROCEDURE add_note;\nDROP TABLE note;");
		Migrations migrations = load(db);

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith(file + ":8: the upgrade section cannot be split into statements: Line 8 starts a"
					+ " stored program (CREATE PROCEDURE) whose BEGIN ... END body the ';' at line 10 cuts short")
			.withMessageContaining("`DELIMITER //`");
		assertThat(migrations.status().failed()).as("nothing recorded as failed").isEmpty();
		assertThat(migrations.current()).isEmpty();
		assertThat(Sql.column(db.dataSource(),
				"select count(*) from information_schema.tables where table_schema = database() and table_name = 'note'"))
			.containsExactly("0");

		// written as the mysql client wants it, it runs
		files.write("aaaa00000001", "none", "notes", """
				CREATE TABLE note (id int);
				DELIMITER //
				CREATE DEFINER = CURRENT_USER PROCEDURE add_note(IN x int)
				BEGIN
				  INSERT INTO note VALUES (x);
				END//
				DELIMITER ;
				CALL add_note(7);""", "DROP PROCEDURE add_note;\nDROP TABLE note;");
		Migrations fixed = load(db);
		fixed.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select id from note")).containsExactly("7");
	}

	@Test
	void anEmptyUpgradeSectionIsRefusedBeforeAnythingRuns(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create t", "CREATE TABLE t (id int);", "DROP TABLE t;");
		Path empty = files.write("bbbb00000002", "aaaa00000001", "not written yet", "-- TODO\n\n/* later */", "");
		Migrations migrations = load(db);

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith(empty + ":6: revision bbbb00000002 has an empty upgrade section (nothing but"
					+ " comments and whitespace)")
			.withMessageContaining("Only a merge revision may be empty");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrations.upgradeSql("head"));
		assertThat(Sql.postgresTables(db.dataSource())).as("nothing ran").doesNotContain("t");
		assertThat(migrations.upgrade("aaaa00000001").steps()).hasSize(1);
		assertThat(migrations.status().pending()).containsExactly("bbbb00000002");
	}

	@Test
	void anEmptyMergeRevisionIsApplied(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create t", "CREATE TABLE t (id int);", "DROP TABLE t;");
		files.write("bbbb00000002", "none", "create u", "CREATE TABLE u (id int);", "DROP TABLE u;");
		files.write("cccc00000003", "aaaa00000001, bbbb00000002", "merge heads", "", "");
		Migrations migrations = load(db);

		assertThat(migrations.upgrade("head").steps()).hasSize(3);
		assertThat(migrations.current()).containsExactly("cccc00000003");
	}

}
