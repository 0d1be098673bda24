package dev.migrations.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The migrations lock is a session lock: it holds only while every statement of the command goes to one server
 * session. A pool in transaction mode (PgBouncer's {@code pool_mode = transaction}) hands a client's next
 * transaction to any server session, and that session to other clients in between: what it relies on is done here
 * without a pooler, by giving a command a session another client took the lock on, or by losing the lock mid-command.
 */
@ExtendWith(TestDatabaseExtension.class)
class PooledSessionLockPostgresTest {

	@TempDir
	Path directory;

	@Test
	void aServerSessionAnotherClientTookTheLockOnStopsTheCommandInsteadOfSharingTheLock(TestDatabase db)
			throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		try (Connection shared = db.connection()) {
			// another instance took the lock on this server session; its transaction ended, and the pool lent the
			// session to this one: a session lock is re-entrant, so it would be "taken" a second time
			CrashRecoveryTest.query(shared, "select pg_try_advisory_lock(" + 0x6d696772 + ", " + key("public.migrations_version")
					+ ")");
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(shared))
				.locations(files.location()).load();

			Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

			assertThat(failure).isInstanceOf(MigrationsException.class);
			assertThat(failure.getMessage().lines().findFirst().orElseThrow())
				.startsWith("The migrations lock on public.migrations_version is already held by this connection's server"
						+ " session (pid ");
			assertThat(failure.getMessage()).contains("pool_mode = transaction")
				.contains("migrations.url")
				.contains("Nothing was run.");
		}
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("one");
	}

	@Test
	void aLockGoneWhenTheCommandReleasesItIsExplained(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		// what a transaction pool does between the command's transactions: the session holding the lock is not the
		// one the release is sent on. Here a function releases it, called by a revision whose own text does not say so
		// (a revision that unlocks in its text has the lock taken back after it, see SessionStatePostgresTest)
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);\nCREATE FUNCTION let_go()"
				+ " RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_unlock_all(); END $$;",
				"DROP FUNCTION let_go();\nDROP TABLE one;");
		files.write("aaaa00000002", "aaaa00000001", "two", "SELECT let_go();", "SELECT 1;");
		List<String> lines = new CopyOnWriteArrayList<>();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				if (event.getLoggerName().startsWith("dev.migrations.dialect")) {
					lines.add(event.getFormattedMessage());
				}
			}
		};
		Logger logger = (Logger) LoggerFactory.getLogger("dev.migrations.dialect");
		appender.start();
		logger.addAppender(appender);
		try {
			Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("head");
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(lines).singleElement().asString()
			.startsWith("The migrations lock on public.migrations_version was not held by the session releasing it")
			.contains("pool_mode = transaction")
			.contains("migrations.url");
	}

	@Test
	void aLockTimeoutOnALockHeldByAnIdleSessionNamesTheTransactionPoolItMayBe(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		try (Connection pooled = db.connection()) {
			// a server session of a transaction pool, left holding the lock of a command that went through it
			CrashRecoveryTest.query(pooled, "select pg_try_advisory_lock(" + 0x6d696772 + ", " + key("public.migrations_version")
					+ ")");
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.lockTimeout(java.time.Duration.ofMillis(300)).load();

			Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

			assertThat(failure).isInstanceOf(dev.migrations.dialect.LockTimeoutException.class)
				.hasMessageContaining("state idle)")
				.hasMessageContaining("pool_mode = transaction")
				.hasMessageContaining("migrations.url");
		}
	}

	private static int key(String lockName) {
		CRC32 crc = new CRC32();
		crc.update(lockName.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

}
