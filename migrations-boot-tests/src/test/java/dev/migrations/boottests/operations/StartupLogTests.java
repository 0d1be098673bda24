package dev.migrations.boottests.operations;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.revision.JavaRevision;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a start logs at INFO, as Flyway's "Successfully applied N migrations": one line when there
 * is nothing to do; during an upgrade, each revision as it starts and finishes (while the upgrade
 * runs, not at its end), then one summary line.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class StartupLogTests {

	private static final AtomicReference<Supplier<String>> output = new AtomicReference<>();

	private static final AtomicReference<String> seenWhileRunning = new AtomicReference<>();

	private static final AtomicReference<String> hostileMessage = new AtomicReference<>();

	@RegisterExtension
	final Apps apps = new Apps();

	@AfterEach
	void forget() {
		output.set(null);
	}

	@Test
	void anUpgradeLogsEachRevisionAsItRunsThenOneSummary(TestDatabase database, CapturedOutput captured) {
		output.set(captured::toString);
		this.apps.start(new Class<?>[] { ShopApplication.class, ThirdRevision.class }, false,
				Apps.with(Apps.database(database), ShopApplication.DEFAULTS));
		List<String> lines = migrationsInfoLines(captured.toString());
		assertThat(lines).hasSize(7);
		assertThat(lines.get(0)).endsWith("Upgrading 1/3: 5b0b00000001 (create customer)");
		assertThat(lines.get(1)).matches(".*Upgraded 1/3: 5b0b00000001 in \\d+ ms");
		assertThat(lines.get(2)).endsWith("Upgrading 2/3: 5b0b00000002 (add customer email)");
		assertThat(lines.get(3)).matches(".*Upgraded 2/3: 5b0b00000002 in \\d+ ms");
		assertThat(lines.get(4)).endsWith("Upgrading 3/3: 5b0b00000003 (seed the first customer)");
		assertThat(lines.get(5)).matches(".*Upgraded 3/3: 5b0b00000003 in \\d+ ms");
		assertThat(lines.get(6)).matches(".*Upgraded the database from base to 5b0b00000003: 3 revisions in \\d+ ms");
		// what had been logged when the third revision was running
		assertThat(seenWhileRunning.get()).contains("Upgraded 2/3: 5b0b00000002", "Upgrading 3/3: 5b0b00000003")
			.doesNotContain("Upgraded 3/3", "Upgraded the database");
	}

	@Test
	void aStartWithNothingToDoLogsOneLine(TestDatabase database, CapturedOutput captured) {
		this.apps.start(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS)).close();
		int before = captured.toString().length();
		this.apps.start(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS));
		List<String> lines = migrationsInfoLines(captured.toString().substring(before));
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).endsWith("Database is up to date at 5b0b00000002 (target head)");
	}

	@Test
	void aRevisionMessageIsLoggedOnItsOneLineWithWhatWouldActOnTheTerminalEscaped(TestDatabase database,
			CapturedOutput captured) {
		hostileMessage.set("seed\n2026-12-05T00:00:00Z  INFO forged line \u001b[31mred\u001b]0;title\u0007");
		try {
			this.apps.start(new Class<?>[] { ShopApplication.class, ThirdRevision.class }, false,
					Apps.with(Apps.database(database), ShopApplication.DEFAULTS));
		}
		finally {
			hostileMessage.set(null);
		}
		List<String> lines = migrationsInfoLines(captured.toString());
		assertThat(lines.stream().filter((line) -> line.contains("Upgrading 3/3")).toList()).singleElement().asString()
			.endsWith("Upgrading 3/3: 5b0b00000003 (seed\\u000a2026-12-05T00:00:00Z  INFO forged line"
				+ " \\u001b[31mred\\u001b]0;title\\u0007)");
		assertThat(captured.toString()).doesNotContain("\u001b", "\u0007").doesNotContain("\n2026-12-05T00:00:00Z");
	}

	/** The INFO lines logged by migrations' own loggers. */
	private static List<String> migrationsInfoLines(String output) {
		return output.lines().filter((line) -> line.contains(" INFO ") && line.contains("] dev.migrations.")).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class ThirdRevision {

		@Bean
		JavaRevision seedFirstCustomer() {
			return new JavaRevision() {

				@Override
				public String revision() {
					return "5b0b00000003";
				}

				@Override
				public List<String> downRevisions() {
					return List.of(ShopApplication.ADD_EMAIL);
				}

				@Override
				public String message() {
					return (hostileMessage.get() != null) ? hostileMessage.get() : "seed the first customer";
				}

				@Override
				public void upgrade(Connection connection) throws Exception {
					if (output.get() != null) {
						seenWhileRunning.set(output.get().get());
					}
					try (Statement statement = connection.createStatement()) {
						statement.execute("INSERT INTO customer (name) VALUES ('first')");
					}
				}

				@Override
				public void downgrade(Connection connection) throws Exception {
					try (Statement statement = connection.createStatement()) {
						statement.execute("DELETE FROM customer WHERE name = 'first'");
					}
				}

			};
		}

	}

}
