package dev.migrations.boot.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} commands in command mode on a graph with two branches from one root: aaaa00000001 ->
 * aaaa00000002, and aaaa00000001 -> aaab00000001 labelled {@code billing}.
 */
@ExtendWith(TestDatabaseExtension.class)
class BranchCommandTests {

	static final String ROOT = "aaaa00000001";

	static final String MAIN = "aaaa00000002";

	static final String BILLING = "aaab00000001";

	@TempDir
	Path revisions;

	@BeforeEach
	void writeBranches() {
		write(ROOT, "none", "", "create account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		write(MAIN, ROOT, "", "create note", "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
		write(BILLING, ROOT, "-- branch_labels: billing\n", "create invoice", "CREATE TABLE invoice (id int PRIMARY KEY);",
				"DROP TABLE invoice;");
	}

	void write(String id, String parent, String headers, String message, String upgrade, String downgrade) {
		ShellTestRevisions.write(this.revisions, id + "_" + message.replace(' ', '_') + ".sql",
				"-- revision: " + id + "\n-- down_revision: " + parent + "\n-- message: " + message + "\n" + headers
						+ "\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n");
	}

	@Test
	void stampingOneBranchKeepsTheAppliedRevisionsOfTheOther(TestDatabase database) throws SQLException {
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade", MAIN).status()).isZero();
		Result stamp = db.run("stamp", BILLING);
		assertThat(stamp.status()).isZero();
		assertThat(stamp.lines()).containsExactly(
				"Stamped " + MAIN + ", " + BILLING + " (was " + MAIN + "); no revision was run.");
		assertThat(recorded(database)).containsExactly(ROOT, MAIN, BILLING);
		assertThat(db.migrations().status().pending()).isEmpty();

		// stamping the root un-records both branches, and says so
		Result root = db.run("stamp", ROOT);
		assertThat(root.lines()).containsExactly("Stamped " + ROOT + " (was " + MAIN + ", " + BILLING + "); no revision was run.",
				"Un-recorded: " + MAIN + ", " + BILLING + " (no longer recorded as applied; what they changed in the"
						+ " database is still there).");
		assertThat(recorded(database)).containsExactly(ROOT);
	}

	@Test
	void mergeRefusesRevisionsThatAreNotHeadsOrAreAncestorsOfAnother(TestDatabase database) throws Exception {
		write("aaaa00000003", MAIN, "", "create memo", "CREATE TABLE memo (id int PRIMARY KEY);", "DROP TABLE memo;");
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		long files = Files.list(this.revisions).count();

		Result notHead = db.run("merge", "-m", "m4", MAIN, BILLING);
		assertThat(notHead.status()).isEqualTo(2);
		assertThat(notHead.err().lines().findFirst()).hasValue("Revision " + MAIN + " is not a head revision (it has"
				+ " children: aaaa00000003); a merge joins heads: name some of aaaa00000003, " + BILLING
				+ ", or none to join them all. Nothing was written.");

		Result redundant = db.run("merge", "-m", "m5", ROOT, BILLING);
		assertThat(redundant.status()).isEqualTo(2);
		assertThat(redundant.err().lines().findFirst()).hasValueSatisfying(
				(line) -> assertThat(line).startsWith("Revision " + ROOT + " is already an ancestor of " + BILLING));
		assertThat(Files.list(this.revisions).count()).isEqualTo(files);

		Result heads = db.run("merge", "-m", "m6", "aaaa00000003", BILLING);
		assertThat(heads.status()).as(heads.err()).isZero();
		assertThat(Files.list(this.revisions).count()).isEqualTo(files + 1);
	}

	@Test
	void currentWithTwoHeadsAdvisesTheUpgradeThatRuns(TestDatabase database) {
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade", ROOT).status()).isZero();
		assertThat(db.run("current").lines()).last().isEqualTo("2 revision(s) pending: " + MAIN + ", " + BILLING
				+ ". Run `db upgrade heads` (there are 2 heads, " + MAIN + ", " + BILLING + ": `db upgrade` needs one;"
				+ " or join them with `db merge -m MESSAGE`).");
		assertThat(db.run("upgrade", "heads").status()).isZero();
	}

	@Test
	void theLabelAtHeadTheAdviceNamesIsAcceptedByRevisionAndShow(TestDatabase database) throws Exception {
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		Result bare = db.run("revision", "-m", "needs billing", "--head", MAIN, "--depends-on", "billing");
		assertThat(bare.status()).isEqualTo(2);
		assertThat(bare.err()).contains("use billing@head");

		Result labelled = db.run("revision", "-m", "needs billing", "--head", MAIN, "--depends-on", "billing@head");
		assertThat(labelled.status()).as(labelled.err()).isZero();
		try (Stream<Path> files = Files.list(this.revisions)) {
			Path written = files.filter((file) -> file.toString().endsWith("needs_billing.sql")).findFirst().orElseThrow();
			assertThat(Files.readString(written)).contains("-- depends_on: " + BILLING + "\n");
		}

		Result show = db.run("show", "billing@head");
		assertThat(show.status()).as(show.err()).isZero();
		assertThat(show.lines().get(0)).isEqualTo("Revision:   " + BILLING + " (head)");

		Result heads = db.run("show", "heads");
		assertThat(heads.status()).as(heads.err()).isZero();
		assertThat(heads.lines()).filteredOn((line) -> line.startsWith("Revision:   ")).hasSize(2);
	}

	@Test
	void aReversedHistoryRangeIsAnErrorNamingTheOrder(TestDatabase database) {
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		Result reversed = db.run("history", "-r", MAIN + ":base");
		assertThat(reversed.status()).isEqualTo(2);
		assertThat(reversed.err()).contains("-r " + MAIN + ":base is reversed: FROM is the older end, TO the newer; write -r base:"
				+ MAIN);
		assertThat(db.run("history", "-r", "base:" + MAIN).lines()).hasSize(2);
		// two branches: nothing between them either way, which is no error
		Result apart = db.run("history", "-r", MAIN + ":" + BILLING);
		assertThat(apart.status()).isZero();
		assertThat(apart.lines()).containsExactly("No revisions in " + MAIN + ":" + BILLING + ".");
	}

	static List<String> recorded(TestDatabase database) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT revision FROM migrations_version ORDER BY revision")) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

}
