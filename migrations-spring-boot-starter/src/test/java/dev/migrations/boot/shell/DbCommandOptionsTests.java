package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.migrations.boot.shell.ShellTestRevisions.CREATE;
import static dev.migrations.boot.shell.ShellTestRevisions.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alembic options of the reading commands ({@code db branches}, {@code db history -r},
 * {@code --verbose}, {@code --indicate-current}), {@code --format json} and {@code db edit}, run as
 * command mode runs them, on a fresh PostgreSQL database.
 */
@ExtendWith(TestDatabaseExtension.class)
class DbCommandOptionsTests {

	private static final String SIDE = "3c4d5e6f7081";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path revisions;

	@TempDir
	Path scratch;

	/** The bulletin revisions, and a second branch from the first with a label and a dependency. */
	private void writeBranches() {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, SIDE + "_side_table.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 1a2b3c4d5e6f
				-- message: side table
				-- created: 2026-11-21T22:39:00Z
				-- branch_labels: side
				-- depends_on: 2b3c4d5e6f70

				-- upgrade
				CREATE TABLE side (id bigint PRIMARY KEY);

				-- downgrade
				DROP TABLE side;
				""");
	}

	@Test
	void branchesAndHistoryRangesShowPartsOfTheGraph(TestDatabase database) {
		writeBranches();
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade", INDEX).status()).isZero();

		Result branches = db.run("branches");
		assertThat(branches.status()).isZero();
		assertThat(branches.lines()).hasSize(3);
		assertThat(branches.lines().get(0)).isEqualTo("<base> -> 1a2b3c4d5e6f (branchpoint), create bulletin");
		assertThat(branches.lines().subList(1, 3)).containsExactlyInAnyOrder(
				"    -> 2b3c4d5e6f70 (head), index bulletin titles", "    -> 3c4d5e6f7081 (head) (side), side table");

		assertThat(db.run("history", "-r", "1a2b:2b3c").lines()).containsExactly(
				"1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles [applied]",
				"<base> -> 1a2b3c4d5e6f (branchpoint), create bulletin [applied]");
		// the side branch depends on the current revision: it comes after it
		assertThat(db.run("history", "-r", "current:").lines()).containsExactly(
				"1a2b3c4d5e6f -> 3c4d5e6f7081 (head) (side), side table [pending]",
				"1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles [applied]");
		assertThat(db.run("history", "-r", ":1a2b").lines())
			.containsExactly("<base> -> 1a2b3c4d5e6f (branchpoint), create bulletin [applied]");
		assertThat(db.run("history", "-r", "base:current").lines()).hasSize(2).noneMatch((line) -> line.contains(SIDE));
		assertThat(db.run("history", "--rev-range", SIDE + ":head").lines())
			.containsExactly("1a2b3c4d5e6f -> 3c4d5e6f7081 (head) (side), side table [pending]");

		List<String> indicated = db.run("history", "--indicate-current").lines();
		assertThat(indicated).contains("1a2b3c4d5e6f -> 2b3c4d5e6f70 (head) (current), index bulletin titles [applied]");
		assertThat(indicated).filteredOn((line) -> line.contains("(current)")).hasSize(1);

		Result notARange = db.run("history", "-r", "1a2b");
		assertThat(notARange.status()).isEqualTo(2);
		assertThat(notARange.err()).startsWith("-r 1a2b is not FROM:TO");
	}

	@Test
	void aValueWrittenAgainstItsShortOptionIsTheValueNotTrue(TestDatabase database) throws IOException {
		writeBranches();
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade", INDEX).status()).isZero();

		// what a shell makes of -m"add status" and -rbase:current, as getopt and Alembic read them
		Result revision = db.run("revision", "-madd status", "--head", SIDE);
		assertThat(revision.status()).as(revision.err()).isZero();
		try (Stream<Path> files = Files.list(this.revisions)) {
			Path file = files.filter((f) -> f.getFileName().toString().endsWith("_add_status.sql")).findFirst().orElseThrow();
			assertThat(Files.readString(file)).contains("\n-- message: add status\n");
		}
		assertThat(db.run("history", "-rbase:current").lines()).containsExactly(
				"1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles [applied]",
				"<base> -> 1a2b3c4d5e6f (branchpoint), create bulletin [applied]");
	}

	@Test
	void verbosePrintsTheFullHeader(TestDatabase database) {
		writeBranches();
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.run("upgrade", INDEX);

		List<String> show = db.run("show", SIDE, "--verbose").lines();
		assertThat(show.subList(0, 4)).containsExactly("Rev: 3c4d5e6f7081 (head)", "Parent: 1a2b3c4d5e6f",
				"Branch names: side", "Depends on: 2b3c4d5e6f70");
		assertThat(show.get(4)).startsWith("Path: ").endsWith(SIDE + "_side_table.sql");
		assertThat(show.subList(5, 9)).containsExactly("Created: 2026-11-21T22:39:00Z", "", "    side table", "");
		assertThat(show.get(9)).isEqualTo("State:      pending");

		List<String> history = db.run("history", "--verbose").lines();
		assertThat(history).contains("Rev: 1a2b3c4d5e6f (branchpoint)", "Branches into: 2b3c4d5e6f70, 3c4d5e6f7081",
				"Rev: 2b3c4d5e6f70 (head) (current)", "    index bulletin titles");
		assertThat(db.run("current", "--verbose").lines()).startsWith("Rev: 2b3c4d5e6f70 (head) (current)",
				"Parent: 1a2b3c4d5e6f");
		assertThat(db.run("heads", "--verbose").lines()).contains("Rev: 2b3c4d5e6f70 (head)", "Rev: 3c4d5e6f7081 (head)",
				"2 heads: join them with `db merge -m \"merge heads\"`.");
	}

	@Test
	void formatJsonUsesTheEndpointsFieldNamesAndKeepsTheExitStatuses(TestDatabase database) {
		writeBranches();
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.run("upgrade", INDEX);

		JsonNode current = json(db.run("current", "--format", "json"));
		assertThat(current.get("current").toString()).isEqualTo("[\"2b3c4d5e6f70\"]");
		assertThat(current.get("heads")).hasSize(2);
		assertThat(current.get("upToDate").asBoolean()).isFalse();
		assertThat(current.get("pending").toString()).isEqualTo("[\"3c4d5e6f7081\"]");

		JsonNode history = json(db.run("history", "--format", "json"));
		assertThat(history.get("revisions")).hasSize(3);
		JsonNode side = history.get("revisions").get(0);
		assertThat(side.get("revision").asString()).isEqualTo(SIDE);
		assertThat(side.get("downRevisions").toString()).isEqualTo("[\"1a2b3c4d5e6f\"]");
		assertThat(side.get("message").asString()).isEqualTo("side table");
		assertThat(side.get("state").asString()).isEqualTo("PENDING");
		assertThat(side.has("appliedAt")).isFalse();
		assertThat(side.get("checksum").asString()).matches("[0-9a-f]{64}");

		JsonNode show = json(db.run("show", INDEX, "--format=json"));
		assertThat(show.get("state").asString()).isEqualTo("APPLIED");
		assertThat(show.get("appliedAt").asString()).isNotEmpty();
		assertThat(show.get("executionMillis").isNumber()).isTrue();

		JsonNode heads = json(db.run("heads", "--format", "json"));
		assertThat(heads.get("heads")).hasSize(2);
		assertThat(heads.get("revisions")).hasSize(2);
		assertThat(heads.get("revisions").findValuesAsString("state")).containsExactlyInAnyOrder("APPLIED", "PENDING");

		JsonNode inSync = json(db.run("check", "--format", "json"));
		assertThat(inSync.get("status").asString()).isEqualTo("NONE");
		assertThat(inSync.get("differences")).isEmpty();

		db.run("downgrade", "-1");
		Result drifted = db.run("check", "--format", "json");
		assertThat(drifted.status()).isEqualTo(1);
		JsonNode drift = json(drifted);
		assertThat(drift.get("status").asString()).isEqualTo("DETECTED");
		assertThat(drift.get("differences").get(0).get("kind").asString()).isEqualTo("INDEX_MISSING");
		assertThat(drift.get("differences").get(0).get("object").asString()).isEqualTo("bulletin(title)");

		Result yaml = db.run("current", "--format", "yaml");
		assertThat(yaml.status()).isEqualTo(2);
		assertThat(yaml.err()).startsWith("--format yaml is not a format: use text or json");
	}

	@Test
	void editOpensTheHeadOrTheGivenRevisionInTheEditor(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Path recorded = this.scratch.resolve("opened.txt");
		Path editor = this.scratch.resolve("editor.sh");
		Files.writeString(editor, "#!/bin/sh\necho \"$@\" >> '" + recorded + "'\n");
		Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));

		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of("EDITOR", editor.toString()));
		Result head = db.run("edit");
		assertThat(head.status()).isZero();
		Result first = db.run("edit", "1a2b");
		assertThat(first.status()).isZero();
		assertThat(Files.readAllLines(recorded)).containsExactly(
				this.revisions.resolve(INDEX + "_index_bulletin_titles.sql").toString(),
				this.revisions.resolve(CREATE + "_create_bulletin.sql").toString());

		Result noEditor = new CommandLineRun(database, this.revisions, Map.of()).run("edit");
		assertThat(noEditor.status()).isEqualTo(2);
		assertThat(noEditor.err()).startsWith("No editor is set: set EDITOR (or VISUAL)");
	}

	@Test
	void stampPurgeEmptiesTheVersionTableBeforeStamping(TestDatabase database) throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.run("stamp", "head");
		execute(database, "UPDATE migrations_version SET applied_by = 'before'");

		assertThat(db.run("stamp", "head").lines()).containsExactly("Stamped 2b3c4d5e6f70 (was 2b3c4d5e6f70); no revision was run.");
		assertThat(appliedBy(database)).containsExactly(CREATE + " before", INDEX + " before");

		Result purged = db.run("stamp", "--purge", CREATE);
		assertThat(purged.status()).as(purged.err()).isZero();
		assertThat(purged.lines()).containsExactly(
				"Stamped 1a2b3c4d5e6f (was 2b3c4d5e6f70, version table purged first); no revision was run.",
				"Un-recorded: 2b3c4d5e6f70 (no longer recorded as applied; what it changed in the database is still there).");
		assertThat(appliedBy(database)).singleElement().asString().startsWith(CREATE + " ").doesNotEndWith(" before");
		assertThat(DbCommandsTests.tables(database)).doesNotContain("bulletin");
	}

	@Test
	void revisionOptionsWriteTheIdLabelsDependenciesAndParentAsked(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());

		Result root = db.run("revision", "-m", "billing root", "--head", "base", "--rev-id", "abcd1234", "--branch-label",
				"billing", "--depends-on", "1a2b");
		assertThat(root.status()).as(root.err()).isZero();
		Path file = this.revisions.resolve("abcd1234_billing_root.sql");
		assertThat(Files.readString(file)).startsWith("-- revision: abcd1234\n-- down_revision: none\n")
			.contains("\n-- depends_on: 1a2b3c4d5e6f\n-- branch_labels: billing\n");
		assertThat(db.run("show", "abcd", "--verbose").lines()).contains("Rev: abcd1234 (head)",
				"Branch names: billing", "Depends on: 1a2b3c4d5e6f");

		Result notAHead = db.run("revision", "-m", "fix", "--head", "1a2b");
		assertThat(notAHead.status()).isEqualTo(2);
		assertThat(notAHead.err()).startsWith("Revision 1a2b3c4d5e6f is not a head (2b3c4d5e6f70 comes after it)")
			.contains("(`db revision -m \"fix\" --head 1a2b3c4d5e6f --splice`)");
		Result spliced = db.run("revision", "-m", "fix", "--head", "1a2b", "--splice", "--rev-id", "f1e2d3c4");
		assertThat(spliced.status()).as(spliced.err()).isZero();
		assertThat(Files.readString(this.revisions.resolve("f1e2d3c4_fix.sql"))).contains("-- down_revision: 1a2b3c4d5e6f\n");

		assertThat(db.run("revision", "-m", "x", "--head", "abcd", "--rev-id", "ab_cd").err())
			.startsWith("Revision id 'ab_cd' is not valid");
		assertThat(db.run("revision", "-m", "x", "--head", "abcd", "--rev-id", "2b3c").err())
			.startsWith("Revision id '2b3c' and the existing revision 2b3c4d5e6f70 would be ambiguous");
		assertThat(db.run("revision", "-m", "x", "--head", "abcd", "--rev-id", "base").err())
			.startsWith("Revision id 'base' is a target keyword");
		Result otherCase = db.run("revision", "-m", "x", "--head", "abcd", "--rev-id", "ABCD1234");
		assertThat(otherCase.status()).isEqualTo(2);
		assertThat(otherCase.err()).startsWith("Revision id 'ABCD1234' differs only in case from the existing revision"
				+ " abcd1234");
		assertThat(this.revisions.resolve("ABCD1234_x.sql")).doesNotExist();
		assertThat(db.run("revision", "-m", "x", "--head", "abcd", "--branch-label", "heads").err())
			.startsWith("Branch label 'heads' is a target keyword (head, heads, base), which a target would not read as"
					+ " the label: choose another label.");
		Result labelTaken = db.run("revision", "-m", "x", "--head", "abcd", "--branch-label", "billing");
		assertThat(labelTaken.status()).isEqualTo(2);
		assertThat(labelTaken.err()).startsWith("Branch label 'billing' is already on revision abcd1234");
		assertThat(db.run("history").status()).isZero();
	}

	@Test
	void revisionAndMigrateFillTheDirectorysTemplate(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Files.delete(this.revisions.resolve(INDEX + "_index_bulletin_titles.sql"));
		Files.writeString(this.revisions.resolve("revision.sql.template"), """
				-- revision: ${revision}
				-- down_revision: ${down_revision}
				-- message: ${message}
				-- created: ${created}
				${headers}

				-- upgrade
				-- Reviewed by: (name)
				SET LOCAL lock_timeout = '5s';
				${upgrade}

				-- downgrade
				${downgrade}
				""");
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.run("upgrade");

		Result printed = db.run("migrate", "-m", "index titles", "--sql");
		assertThat(printed.status()).as(printed.err()).isZero();
		assertThat(printed.lines().get(0)).matches("-- " + java.util.regex.Pattern.quote(this.revisions.toString())
				+ "/[0-9a-f]{12}_index_titles\\.sql \\(not written\\)");
		assertThat(printed.out()).contains("-- message: index titles\n", "-- Reviewed by: (name)\n",
				"CREATE INDEX IF NOT EXISTS ix_bulletin_title ON bulletin (title);")
			.endsWith("-- Nothing was written: run the same command without --sql to write this revision.\n");
		try (Stream<Path> files = Files.list(this.revisions)) {
			assertThat(files.filter((f) -> f.toString().endsWith(".sql"))).as("--sql writes nothing").hasSize(1);
		}

		Result migrate = db.run("migrate", "-m", "index titles");
		assertThat(migrate.status()).as(migrate.err()).isZero();
		Path generated = onlyNew(Set.of());
		String text = Files.readString(generated);
		assertThat(text).startsWith("-- revision: " + DbCommandsTests.idOf(generated) + "\n-- down_revision: " + CREATE
				+ "\n-- message: index titles\n-- created: ");
		assertThat(DbCommandsTests.section(text, "upgrade")).contains("-- Reviewed by: (name)\nSET LOCAL lock_timeout = '5s';\n")
			.contains("CREATE INDEX IF NOT EXISTS ix_bulletin_title ON bulletin (title);");
		assertThat(DbCommandsTests.section(text, "downgrade")).contains("DROP INDEX IF EXISTS ix_bulletin_title;");
		assertThat(db.run("upgrade").status()).isZero();
		assertThat(db.run("check").status()).isZero();

		Result revision = db.run("revision", "-m", "backfill");
		assertThat(revision.status()).as(revision.err()).isZero();
		Path written = onlyNew(Set.of(generated));
		assertThat(Files.readString(written)).contains("-- down_revision: " + DbCommandsTests.idOf(generated) + "\n",
				"-- message: backfill\n", "SET LOCAL lock_timeout = '5s';\n");
		assertThat(db.run("upgrade").status()).isZero();

		Files.writeString(this.revisions.resolve("revision.sql.template"), "-- revision: ${revision}\n-- note: ${nope}\n");
		Result unknown = db.run("revision", "-m", "again");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("revision.sql.template line 2 has ${nope}, which is no placeholder");
	}

	/** The one revision file besides the bulletin revisions and those given. */
	private Path onlyNew(Set<Path> known) throws IOException {
		try (Stream<Path> files = Files.list(this.revisions)) {
			List<Path> found = files.filter((file) -> file.getFileName().toString().endsWith(".sql"))
				.filter((file) -> !file.getFileName().toString().startsWith(CREATE)
						&& !file.getFileName().toString().startsWith(INDEX) && !known.contains(file))
				.toList();
			assertThat(found).hasSize(1);
			return found.get(0);
		}
	}

	private static void execute(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> appliedBy(TestDatabase database) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT revision, applied_by FROM migrations_version ORDER BY revision")) {
			while (result.next()) {
				rows.add(result.getString(1) + " " + result.getString(2));
			}
		}
		return rows;
	}

	private static JsonNode json(Result result) {
		assertThat(result.status()).as(result.err()).isIn(0, 1);
		assertThat(result.out().lines()).as("one line of JSON").hasSize(1);
		return JSON.readTree(result.out());
	}

}
