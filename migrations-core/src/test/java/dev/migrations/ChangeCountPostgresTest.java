package dev.migrations;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Migrations#changeCount()}: what a cache of the status compares to know it is out of date.
 * Every command that can change the status counts, failed or not; reads do not.
 */
@ExtendWith(TestDatabaseExtension.class)
class ChangeCountPostgresTest {

	@TempDir
	Path directory;

	@Test
	void countsEachCommandThatCanChangeTheStatus(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create account", "CREATE TABLE account (id int PRIMARY KEY);",
				"DROP TABLE account;");
		files.write("bbbb00000002", "aaaa00000001", "create broken", "CREATE TABLE broken (id int REFERENCES nowhere);",
				"DROP TABLE broken;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.outputDirectory(this.directory).load();
		long count = migrations.changeCount();

		migrations.status();
		migrations.history();
		migrations.current();
		assertThat(migrations.changeCount()).isEqualTo(count);

		migrations.upgrade("aaaa00000001");
		assertThat(migrations.changeCount()).isEqualTo(++count);
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class);
		assertThat(migrations.changeCount()).as("a failed upgrade records the failure").isEqualTo(++count);
		migrations.stamp("aaaa00000001");
		assertThat(migrations.changeCount()).isEqualTo(++count);
		migrations.downgrade("base");
		assertThat(migrations.changeCount()).isEqualTo(++count);
		migrations.revision("one more", "aaaa00000001", "", "");
		assertThat(migrations.changeCount()).as("a new revision file changes the heads").isEqualTo(++count);
		migrations.reload();
		assertThat(migrations.changeCount()).isEqualTo(++count);
	}

}
