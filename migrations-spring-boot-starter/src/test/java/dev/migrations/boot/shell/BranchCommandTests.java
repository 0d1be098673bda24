package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
