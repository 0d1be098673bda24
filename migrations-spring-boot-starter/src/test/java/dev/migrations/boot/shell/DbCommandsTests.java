package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.Migrations;
import dev.migrations.boot.shell.ShellSession.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrations.boot.shell.ShellTestRevisions.CREATE;
import static dev.migrations.boot.shell.ShellTestRevisions.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} commands typed in the shell of a running application, on a fresh PostgreSQL database
 * and revisions in a temporary directory.
 */
@ExtendWith(TestDatabaseExtension.class)
class DbCommandsTests {

	@TempDir
	Path revisions;

	@Test
	void upgradeReportsEachRevisionAndCurrentAndHistorySayWhereTheDatabaseStands(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			assertThat(shell.run("db current").lines()).containsExactly("No revision is applied: the database is at base.",
					"2 revision(s) pending: 1a2b3c4d5e6f, 2b3c4d5e6f70. Run `db upgrade`.");

			Result upgrade = shell.run("db upgrade +1");
			assertThat(upgrade.status()).isZero();
			assertThat(upgrade.lines()).hasSize(2);
			assertThat(upgrade.lines().get(0)).matches("  \\[1/1] upgrade 1a2b3c4d5e6f create bulletin \\.\\.\\. done in \\d+ ms");
			assertThat(upgrade.lines().get(1)).matches("Upgraded to 1a2b3c4d5e6f from base: 1 revision in \\d+ ms\\.");

			assertThat(shell.run("db current").lines()).containsExactly("1a2b3c4d5e6f create bulletin",
					"1 revision(s) pending: 2b3c4d5e6f70. Run `db upgrade`.");
			assertThat(shell.run("db history").lines()).containsExactly(
					"1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles [pending]",
					"<base> -> 1a2b3c4d5e6f, create bulletin [applied]");

			assertThat(shell.run("db upgrade").lines().get(1))
				.matches("Upgraded to 2b3c4d5e6f70 from 1a2b3c4d5e6f: 1 revision in \\d+ ms\\.");
			assertThat(shell.run("db current").lines()).containsExactly("2b3c4d5e6f70 (head) index bulletin titles");
			assertThat(shell.run("db upgrade").lines())
				.containsExactly("Nothing to upgrade: the database is at 2b3c4d5e6f70 (target head).");
			assertThat(shell.run("db heads").lines()).containsExactly("2b3c4d5e6f70 (head) index bulletin titles");
		}
	}

	@Test
	void flagsAndRelativeTargetsWorkWhereverTheyAreTyped(TestDatabase database) throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			for (String line : List.of("db upgrade --sql", "db upgrade head --sql", "db upgrade --sql head")) {
				Result script = shell.run(line);
				assertThat(script.status()).as(line).isZero();
				assertThat(script.output()).as(line)
					.contains("CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL);")
					.contains("CREATE INDEX ix_bulletin_title ON bulletin (title);");
			}
			assertThat(shell.run("db upgrade +1 --sql").output()).contains("CREATE TABLE bulletin")
				.doesNotContain("CREATE INDEX");
			assertThat(tables(database)).as("--sql only prints").doesNotContain("bulletin");

			shell.run("db upgrade");
			Result downgrade = shell.run("db downgrade -1");
			assertThat(downgrade.status()).isZero();
			assertThat(downgrade.lines().get(0)).matches("  \\[1/1] downgrade 2b3c4d5e6f70 index bulletin titles \\.\\.\\. done in \\d+ ms");
			assertThat(downgrade.lines().get(1)).matches("Downgraded to 1a2b3c4d5e6f from 2b3c4d5e6f70: 1 revision in \\d+ ms\\.");

			Result downgradeScript = shell.run("db downgrade base --sql");
			assertThat(downgradeScript.output()).contains("DROP TABLE bulletin;").doesNotContain("DROP INDEX");
			assertThat(tables(database)).contains("bulletin");
		}
	}

	@Test
	void showPrintsTheRevisionItsStateAndItsSql(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			shell.run("db upgrade");
			List<String> lines = shell.run("db show 2b3c").lines();
			assertThat(lines.get(0)).isEqualTo("Revision:   2b3c4d5e6f70 (head)");
			assertThat(lines.get(1)).isEqualTo("Parents:    1a2b3c4d5e6f");
			assertThat(lines.get(2)).isEqualTo("Message:    index bulletin titles");
			assertThat(lines.get(3)).startsWith("Source:     ").endsWith("2b3c4d5e6f70_index_bulletin_titles.sql");
			assertThat(lines.get(4)).matches("State:      applied at \\S+ by \\S+ in \\d+ ms");
			assertThat(lines.get(5)).matches("Checksum:   [0-9a-f]{64}");
			assertThat(lines.subList(6, lines.size())).containsExactly("", "-- upgrade",
					"CREATE INDEX ix_bulletin_title ON bulletin (title);", "", "-- downgrade", "DROP INDEX ix_bulletin_title;");
		}
	}

	@Test
	void stampRecordsTheTargetWithoutRunningIt(TestDatabase database) throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			assertThat(shell.run("db stamp head").lines())
				.containsExactly("Stamped 2b3c4d5e6f70 (was base); no revision was run.");
			assertThat(tables(database)).doesNotContain("bulletin");
			assertThat(shell.run("db history").lines()).allMatch((line) -> line.endsWith("[applied]"));
			assertThat(shell.run("db stamp base").lines())
				.containsExactly("Stamped base (was 2b3c4d5e6f70); no revision was run.",
						"Un-recorded: 1a2b3c4d5e6f, 2b3c4d5e6f70 (no longer recorded as applied; what they changed in the"
								+ " database is still there).");
		}
	}

	@Test
	void checkExitsWithOneAndListsTheDifferencesOnlyWhileTheDatabaseDiffers(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			shell.run("db upgrade");
			Result inSync = shell.run("db check");
			assertThat(inSync.status()).isZero();
			assertThat(inSync.lines()).containsExactly("No differences: the database matches the entities.");

			shell.run("db downgrade -1");
			Result drifted = shell.run("db check");
			assertThat(drifted.status()).isEqualTo(1);
			assertThat(drifted.lines()).containsExactly("1 difference between the entities and the database:",
					"  INDEX_MISSING  bulletin: the database lacks index ix_bulletin_title on (title)");
			// downgraded, the revision is there to apply again: that is the advice, not a new one
			assertThat(drifted.message()).contains("1 revision(s) are not applied yet (2b3c4d5e6f70)", "`db upgrade`");
		}
	}

	@Test
	void migrateWritesARevisionThatBringsTheDatabaseToTheEntities(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Files.delete(this.revisions.resolve(INDEX + "_index_bulletin_titles.sql"));
		try (ShellSession shell = start(database)) {
			shell.run("db upgrade");
			Result migrate = shell.run("db migrate -m \"index bulletin titles\"");
			assertThat(migrate.status()).isZero();
			Path file = newRevisionFile();
			assertThat(migrate.lines().subList(0, 5)).containsExactly(
					"Wrote " + file + " (revision " + idOf(file) + "):",
					"  create index ix_bulletin_title on bulletin(title)",
					"Review the file, then apply it with `db upgrade`.", "",
					"Lint of the new revision:");
			assertThat(migrate.output()).contains("[index-without-concurrently] in revision " + idOf(file));
			assertThat(file.getFileName().toString()).endsWith("_index_bulletin_titles.sql");
			String text = Files.readString(file);
			assertThat(text).contains("-- down_revision: " + CREATE + "\n", "-- message: index bulletin titles\n");
			assertThat(section(text, "upgrade")).contains("CREATE INDEX IF NOT EXISTS ix_bulletin_title ON bulletin (title);");
			assertThat(section(text, "downgrade")).contains("DROP INDEX IF EXISTS ix_bulletin_title;");

			assertThat(shell.run("db upgrade").status()).isZero();
			assertThat(shell.run("db check").status()).isZero();
			assertThat(shell.run("db migrate -m \"nothing\"").lines())
				.containsExactly("No changes: the entities match the database, so no revision was written.");
		}
	}

	@Test
	void migrateOnADatabaseWithAnotherBranchsRevisionRefusesToWriteOneThatUndoesIt(TestDatabase database)
			throws IOException {
		// a database shared with a developer whose branch added the index; this branch has no file for it
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			shell.run("db upgrade");
			Files.delete(this.revisions.resolve(INDEX + "_index_bulletin_titles.sql"));
			Result migrate = shell.run("db migrate -m \"drop the title index\"");
			assertThat(migrate.status()).isEqualTo(2);
			assertThat(migrate.message()).startsWith("The database has revision 2b3c4d5e6f70 applied, which is not among the"
					+ " revision files: a revision generated now would undo what it did.")
				.contains("merge or check out the code that has them");
			try (Stream<Path> files = Files.list(this.revisions)) {
				assertThat(files).hasSize(1);
			}
		}
	}

	@Test
	void migrateAsksWhetherAProbableRenameIsOneAndWritesTheAnswer(TestDatabase database) throws IOException {
		ShellTestRevisions.write(this.revisions, CREATE + "_create_bulletin.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none
				-- message: create bulletin

				-- upgrade
				CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, headline varchar(200) NOT NULL);

				-- downgrade
				DROP TABLE bulletin;
				""");
		try (ShellSession shell = start(database)) {
			shell.run("db upgrade");

			Result refused = shell.answering("n").run("db migrate -m \"retitle bulletin\"");
			assertThat(refused.status()).isZero();
			assertThat(shell.questions()).containsExactly("Is bulletin.headline → bulletin.title a rename? [Y/n] ");
			Path dropAndAdd = newRevisionFile();
			assertThat(section(Files.readString(dropAndAdd), "upgrade"))
				.contains("ALTER TABLE bulletin DROP COLUMN IF EXISTS headline;")
				.contains("ALTER TABLE bulletin ADD COLUMN IF NOT EXISTS title character varying(200) NOT NULL;")
				.doesNotContain("RENAME");

			Files.delete(dropAndAdd);
			shell.context().getBean(Migrations.class).reload();
			Result accepted = shell.answering("y").run("db migrate -m \"retitle bulletin\"");
			assertThat(accepted.status()).isZero();
			assertThat(accepted.lines()).contains("  rename column bulletin.headline to title");
			String upgrade = section(Files.readString(newRevisionFile()), "upgrade");
			assertThat(upgrade).contains("ALTER TABLE bulletin RENAME COLUMN headline TO title;")
				.doesNotContain("DROP COLUMN").doesNotContain("probable rename");
		}
	}

	@Test
	void initRevisionHeadsAndMergeWriteTheRevisionFiles(TestDatabase database) throws IOException {
		Path directory = this.revisions.resolve("db/revisions");
		try (ShellSession shell = ShellSession.start(database, directory, "--spring.main.lazy-initialization=true")) {
			assertThat(shell.run("db history").lines())
				.containsExactly("No revisions yet. Write one with `db revision -m \"...\"` or `db migrate -m \"...\"`.");
			Result init = shell.run("db init");
			assertThat(init.lines().get(0)).isEqualTo("Created " + directory + ".");
			assertThat(directory).isDirectory();

			Result first = shell.run("db revision -m \"create bulletin\"");
			Path root = onlyFile(directory);
			assertThat(first.lines().get(0)).isEqualTo("Wrote " + root + " (revision " + idOf(root) + " on top of <base>).");
			assertThat(Files.readString(root)).startsWith("-- revision: " + idOf(root) + "\n-- down_revision: none\n"
					+ "-- message: create bulletin\n");

			shell.run("db revision -m \"branch a\"");
			Result branch = shell.run("db revision -m \"branch b\" --splice --head " + idOf(root).substring(0, 6));
			assertThat(branch.lines().get(0)).endsWith(" on top of " + idOf(root) + ").");
			List<String> heads = shell.run("db heads").lines();
			assertThat(heads).hasSize(3).last().isEqualTo("2 heads: join them with `db merge -m \"merge heads\"`.");
			assertThat(shell.run("db revision -m \"one more\"").message()).contains("2 heads");

			Result merge = shell.run("db merge -m \"merge heads\"");
			assertThat(merge.status()).isZero();
			assertThat(merge.lines().get(0)).matches("Wrote .*_merge_heads\\.sql \\(merge revision [0-9a-f]{12} joining"
					+ " [0-9a-f]{12}, [0-9a-f]{12}\\)\\.");
			List<String> afterMerge = shell.run("db heads").lines();
			assertThat(afterMerge).singleElement().asString().endsWith("(head) merge heads");
			List<String> history = shell.run("db history").lines();
			assertThat(history.get(0)).contains("(head) (mergepoint), merge heads [pending]");
			// as Alembic's history, the revision the branches start from says so
			assertThat(history).last().isEqualTo("<base> -> " + idOf(root) + " (branchpoint), create bulletin [pending]");
		}
	}

	@Test
	void historyAndBranchesOfRevisionsWithoutAMessageEndWithTheirMarks(TestDatabase database) throws IOException {
		Path directory = this.revisions.resolve("db/revisions");
		try (ShellSession shell = ShellSession.start(database, directory, "--spring.main.lazy-initialization=true")) {
			shell.run("db init");
			Files.writeString(directory.resolve("a1b2c3d4e5f6_first.sql"),
					"-- revision: a1b2c3d4e5f6\n-- down_revision: none\n-- message:\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
			Files.writeString(directory.resolve("b1b2c3d4e5f6_second.sql"),
					"-- revision: b1b2c3d4e5f6\n-- down_revision: a1b2c3d4e5f6\n-- message:\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
			Files.writeString(directory.resolve("c1b2c3d4e5f6_third.sql"),
					"-- revision: c1b2c3d4e5f6\n-- down_revision: a1b2c3d4e5f6\n-- message:\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
			shell.context().getBean(Migrations.class).reload();
			assertThat(shell.run("db history").lines()).containsExactly("a1b2c3d4e5f6 -> c1b2c3d4e5f6 (head) [pending]",
					"a1b2c3d4e5f6 -> b1b2c3d4e5f6 (head) [pending]", "<base> -> a1b2c3d4e5f6 (branchpoint) [pending]");
			assertThat(shell.run("db branches").lines()).startsWith("<base> -> a1b2c3d4e5f6 (branchpoint)",
					"    -> b1b2c3d4e5f6 (head)", "    -> c1b2c3d4e5f6 (head)");
		}
	}

	@Test
	void headsNameTheBranchLabelEachHeadDescendsFrom(TestDatabase database) throws IOException {
		Path directory = this.revisions.resolve("db/revisions");
		try (ShellSession shell = ShellSession.start(database, directory, "--spring.main.lazy-initialization=true")) {
			shell.run("db init");
			String revision = "-- revision: %s\n-- down_revision: %s\n-- message: %s\n%s\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n";
			Files.writeString(directory.resolve("a1b2c3d4e5f6_root.sql"), revision.formatted("a1b2c3d4e5f6", "none", "root", ""));
			Files.writeString(directory.resolve("b1b2c3d4e5f6_feature.sql"),
					revision.formatted("b1b2c3d4e5f6", "a1b2c3d4e5f6", "start feature", "-- branch_labels: feature\n"));
			Files.writeString(directory.resolve("c1b2c3d4e5f6_main.sql"), revision.formatted("c1b2c3d4e5f6", "a1b2c3d4e5f6", "main", ""));
			Files.writeString(directory.resolve("d1b2c3d4e5f6_more.sql"),
					revision.formatted("d1b2c3d4e5f6", "b1b2c3d4e5f6", "more feature", ""));
			shell.context().getBean(Migrations.class).reload();
			// as Alembic's, a label applies to the revision's descendants: the head to name with feature@head says so
			assertThat(shell.run("db heads").lines()).containsExactlyInAnyOrder("d1b2c3d4e5f6 (head) (feature) more feature",
					"c1b2c3d4e5f6 (head) main", "2 heads: join them with `db merge -m \"merge heads\"`.");
			assertThat(shell.run("db upgrade feature@head").status()).isZero();
			assertThat(shell.run("db current").lines()).first().asString().startsWith("d1b2c3d4e5f6");
		}
	}

	@Test
	void createDbCreatesTheSchemaFromTheEntitiesAndStampsTheHead(TestDatabase database) throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			assertThat(shell.run("db create-db").lines())
				.containsExactly("Created the schema from the entities and stamped 2b3c4d5e6f70.");
			assertThat(tables(database)).contains("bulletin");
			assertThat(shell.run("db check").status()).isZero();
			Result again = shell.run("db create-db");
			assertThat(again.status()).isEqualTo(2);
			assertThat(again.message()).contains("create-db is for fresh installs");
		}
	}

	@Test
	void failuresExitWithTwoAndSayWhatToTypeInstead(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = start(database)) {
			Result unknownTarget = shell.run("db upgrade nonsense");
			assertThat(unknownTarget.status()).isEqualTo(2);
			assertThat(unknownTarget.message()).startsWith("no revision 'nonsense'").contains("db history");
			assertThat(unknownTarget.output()).isEmpty();

			assertThat(shell.run("db revision").message())
				.isEqualTo("db revision needs -m, --message MESSAGE (see `db revision --help`)");
			assertThat(shell.run("db revision -m add status").message())
				.startsWith("Unexpected argument status; quote a value that has spaces");
			assertThat(shell.run("db upgrade --bogus=1").message())
				.isEqualTo("Unknown option --bogus for db upgrade, which takes --sql, --rehearse, --tenant TENANTS (see `db"
						+ " upgrade --help`)");
			assertThat(shell.run("db upgrade --sqll=1").message())
				.isEqualTo("Unknown option --sqll for db upgrade: did you mean --sql? (see `db upgrade --help`)");
			assertThat(shell.run("db upgrd").message()).isEqualTo("Unknown command `db upgrd`: did you mean `db upgrade`?");
			assertThat(shell.run("db migrate -m x --rename title").message()).contains("OLD=NEW");
			assertThat(shell.run("db downgrade").message()).startsWith("db downgrade needs TARGET");
		}
	}

	@Test
	void helpExplainsEachCommandAndDbListsThemAll(TestDatabase database) {
		try (ShellSession shell = ShellSession.start(database, this.revisions, "--spring.main.lazy-initialization=true")) {
			List<String> overview = shell.run("db").lines();
			assertThat(overview.get(0)).isEqualTo("Schema migrations. `db <command> --help` explains a command.");
			assertThat(overview.stream().skip(2).map((line) -> line.strip().split("\\s+")[1])).containsExactly("branches",
					"check", "create-db", "current", "downgrade", "edit", "heads", "history", "init", "lint", "merge", "migrate",
					"rehearse", "revision", "show", "squash", "stamp", "upgrade");
			assertThat(shell.run("db migrate --help").output()).isEqualTo("""
					Usage: db migrate -m MESSAGE [--rename OLD=NEW]... [--no-renames] [--online] [--sql]

					Generate a revision from the differences between the JPA entities and the database

					Options:
					  -m, --message MESSAGE  what the revision does, e.g. "add status to bulletin"
					  --rename OLD=NEW       a rename to write as one: old_table=new_table, table.old_column=new_column or enum_type:OLD_LABEL=NEW_LABEL (may be repeated)
					  --no-renames           never guess renames: a dropped and an added column of the same shape stay a drop and an add
					  --online               write the online form: a chain of revisions that keep the tables usable (CONCURRENTLY, NOT VALID then VALIDATE, lock_timeout)
					  --sql                  print the revision(s) that would be written, and write nothing
					  -h, --help             show this help
					""");
			assertThat(shell.run("db upgrade -h").output()).startsWith("Usage: db upgrade [TARGET] [--sql | --rehearse] [--tenant TENANTS]\n");

			ShellSession.Result help = shell.run("db help");
			assertThat(help.status()).isZero();
			assertThat(help.lines().get(0)).isEqualTo("Schema migrations. `db <command> --help` explains a command.");
			ShellSession.Result mistyped = shell.run("db upgarde");
			assertThat(mistyped.status()).isEqualTo(2);
			assertThat(mistyped.message()).isEqualTo("Unknown command `db upgarde`: did you mean `db upgrade`?");
			assertThat(mistyped.output()).contains("  db upgrade ");
			ShellSession.Result unknown = shell.run("db nope");
			assertThat(unknown.status()).isEqualTo(2);
			assertThat(unknown.message()).isEqualTo("Unknown command `db nope`: `db` lists the db commands.");
		}
	}

	private ShellSession start(TestDatabase database) {
		return ShellSession.start(database, this.revisions, "--spring.main.lazy-initialization=true");
	}

	/** The revision file the last command wrote: the newest of the directory. */
	private Path newRevisionFile() throws IOException {
		try (Stream<Path> files = Files.list(this.revisions)) {
			return files.filter((file) -> !file.getFileName().toString().startsWith(CREATE)
					&& !file.getFileName().toString().startsWith(INDEX))
				.reduce((a, b) -> {
					throw new AssertionError("several new revision files: " + a + ", " + b);
				})
				.orElseThrow(() -> new AssertionError("no new revision file in " + this.revisions));
		}
	}

	private static Path onlyFile(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> all = files.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	static String idOf(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.indexOf('_'));
	}

	/** The text of a revision file's {@code -- upgrade} or {@code -- downgrade} section. */
	static String section(String text, String name) {
		int start = text.indexOf("-- " + name + "\n");
		assertThat(start).as("section " + name).isNotNegative();
		int end = name.equals("upgrade") ? text.indexOf("-- downgrade\n", start) : text.length();
		return text.substring(start, end);
	}

	static List<String> tables(TestDatabase database) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
