package dev.migrations.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names the version tables cannot record are refused when loading, not half-way through an upgrade. */
@ExtendWith(TestDatabaseExtension.class)
class NameLimitsTest {

	@TempDir
	Path directory;

	RevisionFiles files() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int);", "DROP TABLE one;");
		return files;
	}

	@Test
	void versionTableWhoseLogTableNameIsTruncatedByPostgresIsRefused(TestDatabase db) {
		RevisionFiles files = files();
		// 60 characters: the log table's 64 would be cut to 63, the same as the version table's name plus "_lo"
		String tooLong = "v".repeat(60);
		assertThatThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.versionTable(tooLong).load()).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("The version table name '" + tooLong + "' (migrations.version-table) is too long for"
					+ " postgresql")
			.hasMessageContaining("Use a name of at most 59 bytes.");
		// counted in bytes: 30 two-byte letters are 60 bytes
		assertThatThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.versionTable("é".repeat(30)).load()).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("has 64 bytes");

		String longest = "v".repeat(59);
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).versionTable(longest).load()
			.upgrade("head");
		assertThat(Sql.postgresTables(db.dataSource())).contains(longest, longest + "_log");
	}

	@Test
	void versionTableNameLongerThanMariaDbKeepsIsRefused(@MariaDb TestDatabase db) {
		RevisionFiles files = files();
		assertThatThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.versionTable("v".repeat(61)).load()).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("(migrations.version-table) is too long for mariadb")
			.hasMessageContaining("Use a name of at most 60 characters.");
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).versionTable("v".repeat(60)).load()
			.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select count(*) from " + "v".repeat(60) + "_log")).containsExactly("1");
	}

	@Test
	void revisionIdLongerThanTheVersionTableRecordsIsRefusedNamingTheFile(TestDatabase db) {
		RevisionFiles files = files();
		String id = "b".repeat(65);
		Path file = files.write(id, "aaaa00000001", "two", "CREATE TABLE two (id int);", "DROP TABLE two;");
		assertThatThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load())
			.isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith(file + ": the revision id '" + id + "' has 65 characters, more than the 64");
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();
	}

}
