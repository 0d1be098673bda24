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

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
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

/**
 * {@code db check}, {@code db history}, {@code db show}, {@code db heads}, {@code db lint},
 * {@code db rehearse} and {@code db current --format json} with {@code --tenant}, and tenants with a
 * database of their own ({@code migrations.tenants.databases}), in command mode.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class TenantReadCommandsTests {

	private static final String BULLETIN = "7e0c00000001";

	private static final String OWNER = "7e0c00000002";

	@TempDir
	Path revisions;

	private TestDatabase database;

	private CapturedOutput output;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) throws IOException {
		this.database = database;
		this.output = output;
		// the table of the Bulletin entity, as Hibernate would create it
		write(BULLETIN, "none", "CREATE TABLE bulletin (id bigint PRIMARY KEY, title varchar(200) NOT NULL);\n"
				+ "CREATE INDEX ix_bulletin_title ON bulletin (title);", "DROP TABLE bulletin;");
		write(OWNER, BULLETIN, "CREATE FUNCTION bulletin_owner() RETURNS text LANGUAGE sql AS $$ SELECT '${tenant}' $$;",
				"DROP FUNCTION bulletin_owner();");
	}

	@Test
	void checkReportsEachTenantThatDiffersAndExitsOne() throws SQLException {
		assertThat(run("db", "upgrade", "--tenant", "all").exitCode()).isZero();
		execute("DROP INDEX t2.ix_bulletin_title");

		CommandModeTests.Run check = run("db", "check", "--tenant", "all");

		assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
		assertThat(check.out()).contains("  t2: 1 difference:\n    INDEX_MISSING  ").doesNotContain("  t1:")
			.contains("check on 3 tenant(s), ").contains(": 2 match the entities, 1 differ, 0 could not be compared.");
		assertThat(check.err()).contains("1 of 3 tenant(s) differ from the entities: t2.");

		CommandModeTests.Run json = run("db", "check", "--tenant", "all", "--format", "json");
		assertThat(json.exitCode()).isEqualTo(1);
		DocumentContext report = JsonPath.parse(json.out().lines().filter((l) -> l.startsWith("{")).findFirst().orElseThrow());
		assertThat(report.read("$.tenants[*].tenant", List.class)).containsExactly("t1", "t2", "t3");
		assertThat(report.read("$.tenants[*].status", List.class)).containsExactly("NONE", "DETECTED", "NONE");
		assertThat(report.read("$.tenants[1].differences[0].kind", String.class)).isEqualTo("INDEX_MISSING");

		CommandModeTests.Run others = run("db", "check", "--tenant", "t1,t3");
		assertThat(others.exitCode()).as(others.err()).isZero();
		assertThat(others.out()).contains("2 match the entities, 0 differ, 0 could not be compared.");
	}

	@Test
	void aTenantDatabaseThatCannotBeReachedMakesCheckExitTwoAfterTheOthers() {
		assertThat(run("db", "upgrade", "--tenant", "t1,t2,t3").exitCode()).isZero();

		CommandModeTests.Run check = run("db", "check", "--tenant", "all",
				"--migrations.tenants.databases.gone.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=5");

		assertThat(check.exitCode()).isEqualTo(2);
		assertThat(check.out()).contains("  gone: could not be compared: ")
			.contains("3 match the entities, 0 differ, 1 could not be compared.");
		assertThat(check.err()).contains("check could not compare 1 of 4 tenant(s): gone.");

		CommandModeTests.Run current = run("db", "current", "--tenant", "all",
				"--migrations.tenants.databases.gone.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=5");
		assertThat(current.exitCode()).isEqualTo(2);
		// not known to be at base, nor behind
		assertThat(current.out()).contains("  gone: unreachable: ").doesNotContain("gone: unreachable, at base")
			.doesNotContain("to upgrade those behind");
		assertThat(current.err()).startsWith("1 tenant(s) could not be read: check their connection");
	}

	@Test
	void aTenantThatCannotBeComparedExitsTwoAndTheMessageStillNamesTheTenantsThatDiffer() throws SQLException {
		assertThat(run("db", "upgrade", "--tenant", "t1,t2,t3").exitCode()).isZero();
		execute("DROP INDEX t2.ix_bulletin_title");

		CommandModeTests.Run check = run("db", "check", "--tenant", "all",
				"--migrations.tenants.databases.gone.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=5");

		assertThat(check.exitCode()).isEqualTo(2);
		assertThat(check.out()).contains("2 match the entities, 1 differ, 1 could not be compared.");
		assertThat(check.err()).contains("check could not compare 1 of 4 tenant(s): gone.")
			.contains("Of the others, 1 differ from the entities: t2.");
	}

	@Test
	void aTenantWithADatabaseOfItsOwnIsUpgradedThere(TestDatabase north) throws SQLException {
		String[] tenant = { "--migrations.tenants.databases.north.url=" + north.jdbcUrl(),
				"--migrations.tenants.databases.north.user=" + north.username(),
				"--migrations.tenants.databases.north.password=" + ((north.password() != null) ? north.password() : "") };

		CommandModeTests.Run upgrade = run(concat(new String[] { "db", "upgrade", "--tenant", "north" }, tenant));

		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).contains("  north: upgrade 2 revision(s), now at " + OWNER);
		assertThat(column(north, "SELECT revision FROM migrations_version")).containsExactlyInAnyOrder(BULLETIN, OWNER);
		assertThat(column(north, "SELECT bulletin_owner()")).containsExactly("north");
		assertThat(column(this.database, "SELECT nspname FROM pg_namespace")).doesNotContain("t1", "north");

		CommandModeTests.Run current = run(concat(new String[] { "db", "current", "--tenant", "all" }, tenant));
		assertThat(current.out()).contains("4 tenant(s): 3 behind, 1 up to date.");
		CommandModeTests.Run check = run(concat(new String[] { "db", "check", "--tenant", "north" }, tenant));
		assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
	}

	@Test
	void historyShowAndHeadsPrintEachSelectedTenantsState() {
		assertThat(run("db", "upgrade", BULLETIN, "--tenant", "t1").exitCode()).isZero();

		CommandModeTests.Run history = run("db", "history", "--tenant", "t1,t2");
		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(history.out()).contains("Tenant t1:\n  " + BULLETIN + " -> " + OWNER + " (head), tenant " + OWNER
				+ " [pending]\n  <base> -> " + BULLETIN + ", tenant " + BULLETIN + " [applied]\nTenant t2:\n")
			.contains("  <base> -> " + BULLETIN + ", tenant " + BULLETIN + " [pending]");

		CommandModeTests.Run json = run("db", "history", "--tenant", "t1,t2", "--format", "json");
		DocumentContext tenants = JsonPath.parse(json.out().lines().filter((l) -> l.startsWith("{")).findFirst().orElseThrow());
		assertThat(tenants.read("$.tenants[*].tenant", List.class)).containsExactly("t1", "t2");
		assertThat(tenants.read("$.tenants[0].revisions[*].state", List.class)).containsExactly("PENDING", "APPLIED");
		assertThat(tenants.read("$.tenants[1].revisions[*].state", List.class)).containsExactly("PENDING", "PENDING");

		CommandModeTests.Run show = run("db", "show", OWNER, "--tenant", "t3");
		assertThat(show.exitCode()).isZero();
		assertThat(show.out()).contains("Tenant t3:\n  Revision:   " + OWNER + " (head)").contains("  State:      pending")
			.contains("SELECT 't3'");

		CommandModeTests.Run heads = run("db", "heads", "--tenant", "t1", "--format", "json");
		DocumentContext head = JsonPath.parse(heads.out().lines().filter((l) -> l.startsWith("{")).findFirst().orElseThrow());
		assertThat(head.read("$.tenants[0].heads", List.class)).containsExactly(OWNER);
		assertThat(head.read("$.tenants[0].revisions[0].state", String.class)).isEqualTo("PENDING");

		CommandModeTests.Run current = run("db", "current", "--tenant", "all", "--format", "json");
		DocumentContext summary = JsonPath.parse(current.out().lines().filter((l) -> l.startsWith("{")).findFirst().orElseThrow());
		assertThat(summary.read("$.upToDate", Boolean.class)).isFalse();
		assertThat(summary.read("$.tenants.total", Integer.class)).isEqualTo(3);
		assertThat(summary.read("$.tenants.counts.BEHIND", Integer.class)).isEqualTo(3);
		assertThat(summary.read("$.tenants.notUpToDate[*].tenant", List.class)).containsExactlyInAnyOrder("t1", "t2", "t3");
	}

	@Test
	void lintAndRehearseTakeOneTenant() throws SQLException {
		assertThat(run("db", "upgrade", BULLETIN, "--tenant", "all").exitCode()).isZero();

		CommandModeTests.Run lint = run("db", "lint", "--tenant", "t2");
		assertThat(lint.exitCode()).as(lint.err()).isZero();
		assertThat(lint.out()).contains("Linted 1 revision (1 statement): 0 errors");

		CommandModeTests.Run rehearse = run("db", "rehearse", "--rollback", "--tenant", "t2");
		assertThat(rehearse.exitCode()).as(rehearse.err()).isZero();
		assertThat(rehearse.out()).contains("in a transaction that was rolled back").contains(OWNER);
		assertThat(column(this.database, "SELECT revision FROM t2.migrations_version")).containsExactly(BULLETIN);

		CommandModeTests.Run all = run("db", "lint", "--tenant", "all");
		assertThat(all.exitCode()).isEqualTo(2);
		assertThat(all.err()).startsWith("--tenant takes one tenant for db lint: ");
	}

	private CommandModeTests.Run run(String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(ShellSession.connectionArguments(this.database, this.revisions));
		args.add("--migrations.shell.command-mode.exit=false");
		args.add("--migrations.tenants.schemas=t1,t2,t3");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new CommandModeTests.Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
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

	private static List<String> column(TestDatabase database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
