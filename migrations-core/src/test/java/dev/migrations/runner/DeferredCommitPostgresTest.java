package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL, revisions followed by another in the same upgrade commit without waiting for the
 * disk; the last one waits, which makes every earlier commit durable before the upgrade returns.
 */
@ExtendWith(TestDatabaseExtension.class)
class DeferredCommitPostgresTest {

	@TempDir
	Path directory;

	@Test
	void onlyTheLastRevisionOfAnUpgradeWaitsForItsCommit(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		String record = "CREATE TABLE seen_%s AS SELECT current_setting('synchronous_commit') AS setting;";
		files.write("aaaa1111", "none", "first", record.formatted("first"), "DROP TABLE seen_first;");
		files.write("bbbb2222", "aaaa1111", "second", record.formatted("second"), "DROP TABLE seen_second;");
		files.write("cccc3333", "bbbb2222", "third", record.formatted("third"), "DROP TABLE seen_third;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "SELECT setting FROM seen_first")).containsExactly("off");
		assertThat(Sql.column(db.dataSource(), "SELECT setting FROM seen_second")).containsExactly("off");
		assertThat(Sql.column(db.dataSource(), "SELECT setting FROM seen_third")).containsExactly("on");
		assertThat(Sql.column(db.dataSource(), "SHOW synchronous_commit")).containsExactly("on");
		assertThat(migrations.status().upToDate()).isTrue();
	}

	@Test
	void theConnectionsOwnSettingIsWhatTheLastRevisionCommitsWithAndWhatItKeeps(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		String record = "CREATE TABLE seen_%s AS SELECT current_setting('synchronous_commit') AS setting;";
		files.write("aaaa1111", "none", "first", record.formatted("first"), "DROP TABLE seen_first;");
		files.write("bbbb2222", "aaaa1111", "second", record.formatted("second"), "DROP TABLE seen_second;");
		try (Connection connection = db.connection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET synchronous_commit TO local");
			}
			DataSource pooled = TestDataSources.singleConnection(connection);
			Migrations migrations = Migrations.configure().dataSource(pooled).locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(Sql.column(pooled, "SELECT setting FROM seen_first")).containsExactly("off");
			assertThat(Sql.column(pooled, "SELECT setting FROM seen_second")).containsExactly("local");
			assertThat(Sql.column(pooled, "SHOW synchronous_commit")).containsExactly("local");
		}
	}

	@Test
	void aFailingRevisionStillPutsTheSettingBack(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa1111", "none", "first", "CREATE TABLE one (id int);", "DROP TABLE one;");
		files.write("bbbb2222", "aaaa1111", "second", "CREATE TABLE two (id nosuchtype);", "DROP TABLE two;");
		files.write("cccc3333", "bbbb2222", "third", "CREATE TABLE three (id int);", "DROP TABLE three;");
		try (Connection connection = db.connection()) {
			DataSource pooled = TestDataSources.singleConnection(connection);
			Migrations migrations = Migrations.configure().dataSource(pooled).locations(files.location()).load();

			assertThatThrownBy(() -> migrations.upgrade("head")).hasMessageContaining("nosuchtype");

			assertThat(Sql.column(pooled, "SHOW synchronous_commit")).containsExactly("on");
			assertThat(migrations.status().current()).containsExactly("aaaa1111");
		}
	}

	@Test
	void offlineScriptsLeaveDurabilityToTheirRunner(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa1111", "none", "first", "CREATE TABLE one (id int);", "DROP TABLE one;");
		files.write("bbbb2222", "aaaa1111", "second", "CREATE TABLE two (id int);", "DROP TABLE two;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThat(migrations.upgradeSql("head")).contains("CREATE TABLE one").doesNotContain("synchronous_commit");
	}

}
