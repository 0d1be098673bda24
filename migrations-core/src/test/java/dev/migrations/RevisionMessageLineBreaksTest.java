package dev.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.runner.StepResult;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A message with any line-breaking character gives a revision whose header stays one line. */
@ExtendWith(TestDatabaseExtension.class)
class RevisionMessageLineBreaksTest {

	static final List<String> BREAKS = List.of("\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n", "\u000B", "\f", "\t");

	@TempDir
	Path directory;

	@Test
	void revisionsWrittenWithLineBreaksInTheMessageLoadAndUpgrade(TestDatabase db) throws Exception {
		Migrations writer = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory).load();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < BREAKS.size(); i++) {
			Path file = writer.revision("add t" + i + BREAKS.get(i) + "-- upgrade" + BREAKS.get(i) + "second line", null,
					"CREATE TABLE t" + i + " (id int);", "DROP TABLE t" + i + ";");
			assertThat(Files.readString(file)).contains("-- message: add t" + i + " -- upgrade second line\n");
			ids.add(file.getFileName().toString().substring(0, 12));
		}
		Migrations reader = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.load();
		assertThat(reader.upgrade("head").steps()).extracting(StepResult::revision).containsExactlyElementsOf(ids);
		assertThat(Sql.postgresTables(db.dataSource())).contains("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
		assertThat(reader.graph().get(ids.get(0)).message()).isEqualTo("add t0 -- upgrade second line");
	}

}
