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

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db downgrade -1 --tenant all} failing in one tenant: the same command again would take the tenants already
 * done one more step down, so the message says to run it for the failed tenant only, and that command does just that.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class TenantRelativeTargetCommandTests {

	private static final String ACCOUNT = "7e0f00000001";

	private static final String INVOICE = "7e0f00000002";

	@TempDir
	Path revisions;

	@Test
	void aStepDownFailingInOneTenantIsToBeRunAgainForThatTenantOnly(TestDatabase database, CapturedOutput output)
			throws Exception {
		write(ACCOUNT, "none", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		write(INVOICE, ACCOUNT, "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
		assertThat(run(database, output, "db", "upgrade", "--tenant", "all").exitCode()).isZero();
		execute(database, "CREATE TABLE t2.blocker (invoice_id int REFERENCES t2.invoice (id))");

		CommandModeTests.Run down = run(database, output, "db", "downgrade", "-1", "--tenant", "all");

		assertThat(down.exitCode()).as(down.err()).isEqualTo(2);
		assertThat(down.err().lines().findFirst()).hasValue("downgrade -1 failed for 1 of 3 tenant(s): t2 (revision "
				+ INVOICE + "). The others are done; fix these, then run it for them only: `db downgrade -1 --tenant t2`"
				+ " (-1 counts from where each tenant stands).");

		execute(database, "DROP TABLE t2.blocker");
		CommandModeTests.Run again = run(database, output, "db", "downgrade", "-1", "--tenant", "t2");
		assertThat(again.exitCode()).as(again.err()).isZero();
		for (String tenant : List.of("t1", "t2", "t3")) {
			assertThat(column(database, "SELECT revision FROM " + tenant + ".migrations_version")).as(tenant)
				.containsExactly(ACCOUNT);
		}
	}

	@Test
	void twoStepsDownFailingHalfWayInOneTenantAreFinishedWithTheCommandItsErrorEndsWith(TestDatabase database,
			CapturedOutput output) throws Exception {
		write(ACCOUNT, "none", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		write(INVOICE, ACCOUNT, "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
		assertThat(run(database, output, "db", "upgrade", "--tenant", "all").exitCode()).isZero();
		execute(database, "CREATE TABLE t2.blocker (account_id int REFERENCES t2.account (id))");

		CommandModeTests.Run down = run(database, output, "db", "downgrade", "-2", "--tenant", "all");

		assertThat(down.exitCode()).as(down.err()).isEqualTo(2);
		assertThat(down.err().lines().findFirst()).hasValue("downgrade -2 failed for 1 of 3 tenant(s): t2 (revision "
				+ ACCOUNT + "). The others are done; fix these, then take each where -2 was taking it, with the command"
				+ " its error ends with (`db downgrade REVISION --tenant NAME`; -2 counts from where each tenant stands).");
		assertThat(down.out()).contains("Fix the statement and run `db downgrade base --tenant t2` again.");
		assertThat(column(database, "SELECT revision FROM t2.migrations_version")).containsExactly(ACCOUNT);
	}

	private CommandModeTests.Run run(TestDatabase database, CapturedOutput output, String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(ShellSession.connectionArguments(database, this.revisions));
		args.add("--migrations.shell.command-mode.exit=false");
		args.add("--migrations.tenants.schemas=t1,t2,t3");
		int out = output.getOut().length();
		int err = output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new CommandModeTests.Run(exitCode, output.getOut().substring(out), output.getErr().substring(err));
	}

	private void write(String id, String parent, String upgrade, String downgrade) throws IOException {
		Files.writeString(this.revisions.resolve(id + "_tenant.sql"), "-- revision: " + id + "\n-- down_revision: " + parent
				+ "\n-- message: tenant " + id + "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n",
				StandardCharsets.UTF_8);
	}

	private static void execute(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
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
