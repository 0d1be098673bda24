package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db upgrade}, {@code db current} and {@code db stamp} with {@code --tenant}, in command mode. */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class TenantCommandModeTests {

	private static final String ACCOUNT = "7e0b00000001";

	private static final String INVOICE = "7e0b00000002";

	@TempDir
	Path revisions;

	private TestDatabase database;

	private CapturedOutput output;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) throws IOException {
		this.database = database;
		this.output = output;
		write(ACCOUNT, "none", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		write(INVOICE, ACCOUNT, "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
	}

	/** In Turkish, {@code "BEHIND".toLowerCase()} is {@code "behınd"}: the states are English words in every locale. */
	@Test
	void tenantStatesReadTheSameInATurkishLocale() {
		assertThat(run("db", "upgrade", "--tenant", "t1,t3").exitCode()).isZero();
		Locale locale = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			CommandModeTests.Run current = run("db", "current", "--tenant", "all");
			assertThat(current.exitCode()).isZero();
			assertThat(current.out()).contains("3 tenant(s): 1 behind, 2 up to date.").contains("  t2: behind, at base");
		}
		finally {
			Locale.setDefault(locale);
		}
	}

	@Test
	void aMistypedTenantOptionIsAnsweredWithTheNearestOneAndNothingRuns() throws SQLException {
		CommandModeTests.Run typo = run("db", "upgrade", "--tenat", "t1");
		assertThat(typo.exitCode()).as(typo.err()).isEqualTo(2);
		assertThat(typo.err().lines().findFirst()).hasValue(
				"Unknown option --tenat for db upgrade: did you mean --tenant? (see `db upgrade --help`)");
		CommandModeTests.Run other = run("db", "upgrade", "--tag", "t1");
		assertThat(other.exitCode()).as(other.err()).isEqualTo(2);
		assertThat(other.err().lines().findFirst()).hasValue("Unknown option --tag for db upgrade, which takes --sql,"
				+ " --rehearse, --tenant TENANTS (see `db upgrade --help`)");
		CommandModeTests.Run letter = run("db", "current", "-t", "t1");
		assertThat(letter.exitCode()).as(letter.err()).isEqualTo(2);
		assertThat(letter.err().lines().findFirst()).hasValue(
				"Unknown option -t for db current: did you mean --tenant? (see `db current --help`)");
		assertThat(schemas()).doesNotContain("t1", "t2", "t3");
	}

	@Test
	void upgradeOfSelectedTenantsExitsZeroAndLeavesTheOthersAlone() throws SQLException {
		CommandModeTests.Run run = run("db", "upgrade", "--tenant", "t1,t3");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("  t1: upgrade 2 revision(s), now at " + INVOICE)
			.contains("upgrade head on 2 tenant(s)").contains("2 changed (4 revision(s)), 0 already there, 0 failed.");
		assertThat(revisions("t1")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(schemas()).contains("t1", "t3").doesNotContain("t2");

		CommandModeTests.Run current = run("db", "current", "--tenant", "all");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("3 tenant(s): 1 behind, 2 up to date.")
			.contains("  t2: behind, at base, 2 pending").contains("Run `db upgrade --tenant all`");

		// migrations.tenants.listed bounds the list, as it bounds the endpoint's
		CommandModeTests.Run bounded = run("db", "current", "--tenant", "all", "--migrations.tenants.listed=0");
		assertThat(bounded.exitCode()).isZero();
		assertThat(bounded.out()).contains("3 tenant(s): 1 behind, 2 up to date.").doesNotContain("  t2: behind")
			.contains("  ... and 1 more tenant(s) not up to date.");
	}

	@Test
	void aFailedTenantExitsTwoNamingItAfterTheOthersAreUpgraded() throws SQLException {
		// a sequence in the way of the table (a table would make the schema one to adopt, not to upgrade)
		execute("CREATE SCHEMA t2; CREATE SEQUENCE t2.invoice");

		CommandModeTests.Run run = run("db", "upgrade", "--tenant", "all");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("upgrade head failed for 1 of 3 tenant(s): t2 (revision " + INVOICE + ")."
				+ " The others are done; fix these, then run it again.");
		assertThat(run.out()).contains("\n  t2: revision " + INVOICE + " failed: ")
			.contains("relation \"invoice\" already exists");
		assertThat(revisions("t3")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);

		execute("DROP SEQUENCE t2.invoice");
		CommandModeTests.Run rerun = run("db", "upgrade", "--tenant", "all");
		assertThat(rerun.exitCode()).isZero();
		assertThat(rerun.out()).contains("1 changed (1 revision(s)), 2 already there, 0 failed.");
	}

	@Test
	void anUnknownTenantOrNoTenantsConfiguredExitTwo() {
		CommandModeTests.Run unknown = run("db", "stamp", "head", "--tenant", "t7");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("No tenant named t7 among the 3 tenant(s) (t1, t2, t3).");

		CommandModeTests.Run withSql = run("db", "upgrade", "--sql", "--tenant", "t1");
		assertThat(withSql.exitCode()).isEqualTo(2);
		assertThat(withSql.err()).contains("--sql works on one database: give it without --tenant");
	}

	@Test
	void whenEverySelectedTenantFailsTheMessageDoesNotSayTheOthersAreDone() throws SQLException {
		// a sequence in the way of the table (a table would make the schema one to adopt, not to upgrade)
		execute("CREATE SCHEMA t2; CREATE SEQUENCE t2.invoice");

		CommandModeTests.Run run = run("db", "upgrade", "--tenant", "t2");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("upgrade head failed for 1 of 1 tenant(s): t2 (revision " + INVOICE + ")."
				+ " No tenant reached the target; fix these, then run it again.").doesNotContain("The others are done");
	}

	@Test
	void aBlankTenantOptionSelectsNoTenantRatherThanAll() throws SQLException {
		assertThat(run("db", "upgrade", "--tenant", "all").exitCode()).isZero();

		// e.g. --tenant "$TENANT" with the variable holding a space
		CommandModeTests.Run blank = run("db", "downgrade", "base", "--tenant", " ");

		assertThat(blank.exitCode()).isEqualTo(2);
		assertThat(blank.err()).contains("No tenant named: give tenant names separated by commas, or `all`.");
		assertThat(revisions("t1")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(revisions("t3")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
	}

	@Test
	void aQueryReturningNoSchemaIsZeroTenants() {
		CommandModeTests.Run current = run("db", "current", "--tenant", "all",
				"--migrations.tenants.query=SELECT 'x' WHERE false");

		assertThat(current.exitCode()).as(current.err()).isZero();
		assertThat(current.out()).contains("0 tenant(s).\n").doesNotContain("0 tenant(s): .");
	}

	/**
	 * A legacy schema named {@code all}, one with a comma: selected by their names in double quotes, and the advice
	 * the summary prints, typed into a POSIX shell, acts on the failed tenant alone. The summary is printed once.
	 */
	@Test
	void aTenantNamedAllIsSelectedQuotedAndTheAdviceTypedInAShellActsOnItAlone() throws Exception {
		String query = "--migrations.tenants.query=SELECT unnest(ARRAY['t1', 'all', 'a,b', 'it''s'])";
		// a sequence in the way of the table of the second revision
		execute("CREATE SCHEMA \"all\"; CREATE SEQUENCE \"all\".invoice");

		CommandModeTests.Run run = run("db", "upgrade", "--tenant", "all", query);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().lines().findFirst()).hasValue("upgrade head failed for 1 of 4 tenant(s): \"all\" (revision "
				+ INVOICE + "). The others are done; fix these, then run it again.");
		assertThat(occurrences(run.out() + run.err(), "upgrade head on 4 tenant(s)")).isEqualTo(1);
		assertThat(revisions("it's")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(revisions("a,b")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(revisions("all")).containsExactly(ACCOUNT);
		String advice = run.out().substring(run.out().indexOf("(select them with ") + "(select them with ".length());
		advice = advice.substring(0, advice.indexOf(")."));
		assertThat(advice).isEqualTo("--tenant '\"all\"'");

		assertThat(run("db", "downgrade", "base", "--tenant", "t1", query).exitCode()).isZero();
		execute("DROP SEQUENCE \"all\".invoice");
		List<String> words = new ArrayList<>(List.of("db", "upgrade"));
		words.addAll(shellWords(advice));
		words.add(query);
		CommandModeTests.Run rerun = run(words.toArray(String[]::new));

		assertThat(rerun.exitCode()).as(rerun.err()).isZero();
		assertThat(rerun.out()).contains("upgrade head on 1 tenant(s)").contains("1 changed (1 revision(s))");
		assertThat(revisions("all")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(revisions("t1")).isEmpty();

		CommandModeTests.Run comma = run("db", "current", "--tenant", "\"a,b\"", query);
		assertThat(comma.exitCode()).as(comma.err()).isZero();
		assertThat(comma.out()).contains("1 tenant(s): 1 up to date.");
		CommandModeTests.Run mixed = run("db", "downgrade", "base", "--tenant", "all,t1", query);
		assertThat(mixed.exitCode()).isEqualTo(2);
		assertThat(mixed.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("`all` selects every tenant and takes no other name; a tenant named all is written in double"
					+ " quotes: --tenant '\"all\"'."));
		assertThat(revisions("all")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
	}

	@Test
	void aFailedTenantWhoseNameHasACommaIsNamedInQuotesByTheCommandsThatRunForEachTenant() throws Exception {
		String query = "--migrations.tenants.query=SELECT unnest(ARRAY['t1', 'a, b'])";
		// a version table that cannot be read
		execute("CREATE SCHEMA \"a, b\"; CREATE TABLE \"a, b\".migrations_version (junk int)");

		CommandModeTests.Run history = run("db", "history", "--tenant", "all", query);

		assertThat(history.exitCode()).isEqualTo(2);
		assertThat(history.err().lines().findFirst()).hasValueSatisfying((line) -> assertThat(line)
			.startsWith("db history failed for 1 of 2 tenant(s): \"a, b\". The others are printed"));
	}

	/** The words a POSIX shell makes of a command line. */
	private static List<String> shellWords(String line) throws IOException, InterruptedException {
		Process shell = new ProcessBuilder("sh", "-c", "printf '%s\\n' " + line).redirectErrorStream(true).start();
		String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(shell.waitFor()).as(out).isZero();
		return out.lines().toList();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private CommandModeTests.Run run(String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(ShellSession.connectionArguments(this.database, this.revisions));
		args.add("--migrations.shell.command-mode.exit=false");
		if (args.stream().noneMatch((arg) -> arg.startsWith("--migrations.tenants.query="))) {
			args.add("--migrations.tenants.schemas=t1,t2,t3");
		}
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new CommandModeTests.Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	private void write(String id, String parent, String upgrade, String downgrade) throws IOException {
		Files.writeString(this.revisions.resolve(id + "_tenant.sql"), "-- revision: " + id + "\n-- down_revision: " + parent
				+ "\n-- message: tenant " + id + "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n",
				StandardCharsets.UTF_8);
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> revisions(String schema) throws SQLException {
		return column("SELECT revision FROM \"" + schema.replace("\"", "\"\"") + "\".migrations_version");
	}

	private List<String> schemas() throws SQLException {
		return column("SELECT nspname FROM pg_namespace");
	}

	private List<String> column(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
