package dev.migrations.boottests.locations;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.locations=file:...}, Spring's own prefix for a directory (as in {@code spring.sql.init.*} and
 * {@code spring.liquibase.change-log}), is the directory, as {@code filesystem:...} (Flyway's prefix) is.
 */
@ExtendWith(TestDatabaseExtension.class)
class FileLocationTests {

	@TempDir
	Path directory;

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void aFileLocationIsTheDirectoryItNames(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(revisions.resolve("aaaa00000001_one.sql"), "-- revision: aaaa00000001\n-- down_revision: none\n"
				+ "-- message: one\n-- created: 2026-12-05T00:00:00Z\n\n-- upgrade\nCREATE TABLE one (id int);\n\n"
				+ "-- downgrade\nDROP TABLE one;\n");
		this.apps.start(ShopApplication.class, Apps.database(database), "migrations.locations=file:" + revisions,
				"spring.jpa.hibernate.ddl-auto=none");
		assertThat(Sql.tables(database, "public")).containsExactly("migrations_version", "migrations_version_log", "one");
	}

}
