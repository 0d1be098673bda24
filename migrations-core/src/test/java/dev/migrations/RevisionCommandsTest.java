package dev.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.dialect.PostgresDialect;
import dev.migrations.revision.TargetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** init, revision and merge write files; no database is needed. */
class RevisionCommandsTest {

	@TempDir
	Path directory;

	Migrations migrations(Path revisions) {
		return Migrations.configure().dialect(new PostgresDialect()).locations("filesystem:" + revisions)
			.outputDirectory(revisions).load();
	}

	@Test
	void initCreatesTheDirectoryAndRefusesWhenRevisionsExist() throws Exception {
		Path revisions = this.directory.resolve("src/main/resources/db/revisions");
		Migrations migrations = migrations(revisions);
		assertThat(migrations.init()).isEqualTo(revisions);
		assertThat(Files.isDirectory(revisions)).isTrue();

		Path first = migrations.revision("create tables");
		assertThat(Files.readString(first)).contains("-- down_revision: none\n");
		assertThatThrownBy(migrations::init).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("already exists with 1 revision(s)");
	}

	@Test
	void revisionNeedsTheDirectoryAndAMessage() {
		Path revisions = this.directory.resolve("missing");
		Migrations migrations = migrations(revisions);
		assertThatThrownBy(() -> migrations.revision("x")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("does not exist: run `db init` first");
		assertThatThrownBy(() -> migrations.revision(" ")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("needs a message");
	}

	@Test
	void chainsRevisionsAndRefusesToGuessBetweenTwoHeads() throws Exception {
		Migrations migrations = migrations(this.directory);
		String first = id(migrations.revision("first"));
		String second = id(migrations.revision("second"));
		assertThat(migrations.graph().get(second).downRevisions()).containsExactly(first);

		String branch = id(migrations.revision("other branch", first, "CREATE TABLE t (id int);", "DROP TABLE t;"));
		assertThat(migrations.graph().heads()).containsExactlyInAnyOrder(second, branch);
		assertThatThrownBy(() -> migrations.revision("third")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("2 heads")
			.hasMessageContaining("db merge");

		Path merge = migrations.merge("merge heads", List.of());
		String text = Files.readString(merge);
		assertThat(text).containsAnyOf("-- down_revision: " + second + ", " + branch + "\n",
				"-- down_revision: " + branch + ", " + second + "\n");
		assertThat(migrations.graph().heads()).containsExactly(id(merge));
		assertThatThrownBy(() -> migrations.merge("again", List.of())).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("single head");
	}

	@Test
	void aScriptFromAPrefixNamesTheRevisionInItsHeader() {
		Migrations migrations = migrations(this.directory);
		String first = id(migrations.revision("create t", "base", "CREATE TABLE t (id int);", "DROP TABLE t;"));
		String second = id(migrations.revision("create u", first, "CREATE TABLE u (id int);", "DROP TABLE u;"));
		String script = migrations.upgradeSql(first.substring(0, 6) + ":head");
		assertThat(script.lines().findFirst()).hasValue("-- Upgrade script for postgresql, from " + first + " to " + second
				+ " (head): 1 revision(s).");
	}

	@Test
	void aScriptRangeGivenTheWrongWayRoundIsAnErrorNotAnEmptyScript() {
		Migrations migrations = migrations(this.directory);
		String first = id(migrations.revision("create t", "base", "CREATE TABLE t (id int);", "DROP TABLE t;"));
		String second = id(migrations.revision("create u", first, "CREATE TABLE u (id int);", "DROP TABLE u;"));
		String reversed = second.substring(0, 6) + ":" + first.substring(0, 6);
		assertThatThrownBy(() -> migrations.upgradeSql(reversed)).isInstanceOf(TargetException.class)
			.hasMessageStartingWith("'" + reversed + "' goes back: " + first.substring(0, 6) + " comes before " + second)
			.hasMessageEndingWith("the script of that downgrade is `db downgrade " + reversed + " --sql`");
		assertThat(migrations.downgradeSql(reversed)).contains("DROP TABLE u;").doesNotContain("DROP TABLE t;");
		// from a revision to itself: nothing to run, and nothing the wrong way round
		assertThat(migrations.upgradeSql(second + ":" + second).lines().findFirst())
			.hasValue("-- Upgrade script for postgresql, from " + second + " to " + second + ": 0 revision(s).");
	}

	@Test
	void aScriptRangeStartsFromAnyTargetNamingRevisionsAndSaysWhatAnEmptySideLacks() {
		Migrations migrations = migrations(this.directory);
		String first = id(migrations.revision("create t", "base", "CREATE TABLE t (id int);", "DROP TABLE t;"));
		String second = id(migrations.revision("create u", first, "CREATE TABLE u (id int);", "DROP TABLE u;"));
		assertThat(migrations.downgradeSql("head:base").lines().findFirst())
			.hasValue("-- Downgrade script for postgresql, from " + second + " to base: 2 revision(s).");
		assertThatThrownBy(() -> migrations.upgradeSql(":head")).isInstanceOf(TargetException.class)
			.hasMessageStartingWith("':head' starts from nothing: before the colon give where the database is");
		assertThatThrownBy(() -> migrations.downgradeSql(second + ":")).isInstanceOf(TargetException.class)
			.hasMessage("'" + second + ":' has no TO: a script's range is FROM:TO, the revisions the database is at"
					+ " before the script and after it; write e.g. " + second + ":base");
	}

	@Test
	void offlineScriptFromBaseNeedsNoDatabase() {
		Migrations migrations = migrations(this.directory);
		migrations.revision("create t", "base", "CREATE TABLE t (id int);", "DROP TABLE t;");
		String script = migrations.upgradeSql("base:head");
		assertThat(script).contains("CREATE TABLE t (id int);").contains("INSERT INTO migrations_version");
		assertThatThrownBy(migrations::current).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("No DataSource");
	}

	@Test
	void slugsMessagesForFileNames() {
		assertThat(Migrations.slug("Add status index to Bulletin!")).isEqualTo("add_status_index_to_bulletin");
		assertThat(Migrations.slug("???")).isEqualTo("revision");
		assertThat(Migrations.slug("a".repeat(60))).hasSize(40);
	}

	@Test
	void aMessageWithAccentsIsSluggedWithoutThem() {
		// not caf_n_code: the letters lose their accents, not their place
		assertThat(Migrations.slug("Café ünïcode Straße")).isEqualTo("cafe_unicode_strasse");
		assertThat(Migrations.slug("日本語 — add ﬁeld")).isEqualTo("add_field");
		assertThat(Migrations.slug("日本語")).isEqualTo("revision");
	}

	private static String id(Path file) {
		return file.getFileName().toString().substring(0, 12);
	}

}
