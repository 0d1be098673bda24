package dev.migrations.boot.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code db} commands print where, as command mode runs them: a script of {@code --sql} is all there is
 * on standard output ({@code db migrate --sql > new.sql}), a remark about it goes to standard error.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeOutputTests {

	@TempDir
	Path directory;

	@Test
	void migrateSqlWithNoChangesLeavesStandardOutputEmptyAndSaysSoOnStandardError(TestDatabase database) {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		CommandLineRun db = new CommandLineRun(database, revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();

		Result printed = db.run("migrate", "-m", "nothing", "--sql");
		assertThat(printed.status()).as(printed.err()).isZero();
		assertThat(printed.out()).isEmpty();
		assertThat(printed.err().lines())
			.containsExactly("No changes: the entities match the database, so there is no revision to print.");

		// the same without --sql: the sentence is the result
		Result migrate = db.run("migrate", "-m", "nothing");
		assertThat(migrate.status()).as(migrate.err()).isZero();
		assertThat(migrate.lines())
			.containsExactly("No changes: the entities match the database, so no revision was written.");
		assertThat(migrate.err()).isEmpty();
	}

	@Test
	void migrateSqlPrintsTheWarningsTheScriptDoesNotCarryOnStandardError(TestDatabase database) {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		ShellTestRevisions.write(revisions, "3c4d5e6f7081_bulletin_extra.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: bulletin extra
				-- created: 2026-11-21T22:40:00Z

				-- upgrade
				ALTER TABLE bulletin ADD COLUMN extra text;
				CREATE VIEW bulletin_extra AS SELECT id, extra FROM bulletin;

				-- downgrade
				DROP VIEW bulletin_extra;
				ALTER TABLE bulletin DROP COLUMN extra;
				""");
		CommandLineRun db = new CommandLineRun(database, revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		String warning = "bulletin_extra reads bulletin.extra, which this revision drops: PostgreSQL refuses the drop"
				+ " while the view exists.";

		// the entity has no column extra: the revision drops it, which the view reading it prevents
		Result printed = db.run("migrate", "-m", "drop extra", "--sql");
		assertThat(printed.status()).as(printed.err()).isZero();
		assertThat(printed.out()).doesNotContain("bulletin_extra reads", "Warnings:").startsWith("-- " + revisions)
			.contains("ALTER TABLE bulletin DROP COLUMN IF EXISTS extra;\n")
			.endsWith("-- Nothing was written: run the same command without --sql to write this revision.\n");
		// the warning is not in the script, whose statements carry their own (the column's data lost) as comments
		assertThat(printed.out()).contains("-- WARNING: drops column bulletin.extra and its data\n");
		assertThat(printed.err().lines()).hasSize(2).first().isEqualTo("Warnings:");
		assertThat(printed.err().lines().toList().get(1)).startsWith("  " + warning);

		// the same warning `db migrate` prints when it writes the revision
		Result migrate = db.run("migrate", "-m", "drop extra");
		assertThat(migrate.status()).as(migrate.err()).isZero();
		assertThat(migrate.lines()).anyMatch((line) -> line.startsWith("  " + warning));
	}

	@Test
	void upgradeAndDowngradeSqlWithNothingToRunPrintAScriptOfSqlAndComments(TestDatabase database) {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		CommandLineRun db = new CommandLineRun(database, revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();

		for (String[] words : new String[][] { { "upgrade", "--sql" }, { "downgrade", "--sql", ShellTestRevisions.INDEX } }) {
			Result script = db.run(words);
			assertThat(script.status()).as(script.err()).isZero();
			assertThat(script.err()).isEmpty();
			assertThat(script.lines().get(0)).endsWith(" from 2b3c4d5e6f70 to 2b3c4d5e6f70" + (words[0].equals("upgrade")
					? " (head)" : "") + ": 0 revision(s).");
			// what psql -f reads: comments, and the statements creating the version tables if missing
			String statements = script.out().lines().filter((line) -> !line.startsWith("--"))
				.collect(Collectors.joining("\n", "", "\n"));
			assertThat(statements).matches("(CREATE TABLE IF NOT EXISTS \\w+ \\(\n(    [^\n]+\n)+\\);\n)+");
		}
	}

	@Test
	void initInAnExistingEmptyDirectorySaysItUsesIt(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		CommandLineRun db = new CommandLineRun(database, revisions, Map.of());

		Result init = db.run("init");
		assertThat(init.status()).as(init.err()).isZero();
		assertThat(init.lines()).containsExactly("Using the existing directory " + revisions + ", which has no revisions yet.",
				"Next: `db revision -m \"...\"` writes an empty revision, `db migrate -m \"...\"` generates one from the"
						+ " entities.");
		assertThat(init.err()).isEmpty();
		assertThat(revisions).isEmptyDirectory();

		Path missing = this.directory.resolve("missing/revisions");
		Result created = new CommandLineRun(database, missing, Map.of()).run("init");
		assertThat(created.status()).as(created.err()).isZero();
		assertThat(created.lines()).first().isEqualTo("Created " + missing + ".");
		assertThat(missing).isEmptyDirectory();
	}

}
