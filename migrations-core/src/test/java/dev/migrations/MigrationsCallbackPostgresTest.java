package dev.migrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.runner.CommandResult;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MigrationsCallback}s around upgrades: when each is told, and what their failures do. */
@ExtendWith(TestDatabaseExtension.class)
class MigrationsCallbackPostgresTest {

	@TempDir
	Path directory;

	@Test
	void toldBeforeAndAfterEveryUpgradeIncludingOneWithNothingToDo(TestDatabase db) {
		new RevisionFiles(this.directory).write("aaaa00000001", "none", "create account",
				"CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		List<String> told = new ArrayList<>();
		Migrations migrations = configure(db, new Recording(told, null)).load();
		migrations.upgrade("head");
		migrations.upgrade("head");
		assertThat(told).containsExactly("before head", "after head: [aaaa00000001]", "before head", "after head: []");
	}

	@Test
	void aFailedUpgradeIsReportedWithItsError(TestDatabase db) {
		new RevisionFiles(this.directory).write("aaaa00000001", "none", "create broken",
				"CREATE TABLE broken (id int REFERENCES nowhere);", "DROP TABLE broken;");
		List<String> told = new ArrayList<>();
		Migrations migrations = configure(db, new Recording(told, null)).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class);
		assertThat(told).containsExactly("before head", "error head: MigrationFailedException");
	}

	@Test
	void aFailingBeforeCallbackStopsTheUpgradeBeforeItRuns(TestDatabase db) {
		new RevisionFiles(this.directory).write("aaaa00000001", "none", "create account",
				"CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		List<String> told = new ArrayList<>();
		IllegalStateException refusal = new IllegalStateException("not now");
		Migrations migrations = configure(db, new Recording(told, refusal)).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isSameAs(refusal);
		assertThat(told).containsExactly("before head", "error head: IllegalStateException");
		assertThat(migrations.current()).isEmpty();
	}

	@Test
	void aFailingAfterCallbackSaysTheUpgradeIsDone(TestDatabase db) {
		new RevisionFiles(this.directory).write("aaaa00000001", "none", "create account",
				"CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		Migrations migrations = configure(db, new MigrationsCallback() {

			@Override
			public void afterUpgrade(Context context, CommandResult result) {
				throw new IllegalStateException("callback boom");
			}

		}).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("Callback ")
			.hasMessageContaining("failed in afterUpgrade: callback boom. The upgrade itself is done and committed: 1"
					+ " revision(s) applied, the database is at aaaa00000001")
			.hasCauseInstanceOf(IllegalStateException.class);
		assertThat(migrations.current()).containsExactly("aaaa00000001");
	}

	@Test
	void anErrorCallbackThatFailsIsSuppressedIntoTheUpgradesError(TestDatabase db) {
		new RevisionFiles(this.directory).write("aaaa00000001", "none", "create broken",
				"CREATE TABLE broken (id int REFERENCES nowhere);", "DROP TABLE broken;");
		MigrationsCallback failing = new MigrationsCallback() {

			@Override
			public void afterUpgradeError(Context context, RuntimeException error) {
				throw new IllegalStateException("alerting is down");
			}

		};
		Migrations migrations = configure(db, failing).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOfSatisfying(MigrationFailedException.class,
				(ex) -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage).containsExactly("alerting is down"));
	}

	private MigrationsConfiguration configure(TestDatabase db, MigrationsCallback callback) {
		return Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.callbacks(List.of(callback));
	}

	private record Recording(List<String> told, RuntimeException refuseWith) implements MigrationsCallback {

		@Override
		public void beforeUpgrade(Context context) {
			this.told.add("before " + context.target());
			assertThat(context.dataSource()).isNotNull();
			if (this.refuseWith != null) {
				throw this.refuseWith;
			}
		}

		@Override
		public void afterUpgrade(Context context, CommandResult result) {
			this.told.add("after " + context.target() + ": " + result.steps().stream().map((s) -> s.revision()).toList());
		}

		@Override
		public void afterUpgradeError(Context context, RuntimeException error) {
			this.told.add("error " + context.target() + ": " + error.getClass().getSimpleName());
		}

	}

}
