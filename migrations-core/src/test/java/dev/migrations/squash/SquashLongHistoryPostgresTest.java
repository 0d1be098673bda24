package dev.migrations.squash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db squash} on real histories: the sample application's, and a generated one of 1,000
 * revisions. Each squash must rebuild, on a fresh database, exactly the schema the history builds.
 */
@ExtendWith(TestDatabaseExtension.class)
class SquashLongHistoryPostgresTest {

	@TempDir
	Path directory;

	@TempDir
	Path unsquashed;

	private static Migrations migrations(DataSource dataSource, Path revisions) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions)
			.outputDirectory(revisions).load();
	}

	private static List<String> dump(DataSource dataSource) {
		return Sql.postgresSchemaDump(dataSource, "public").stream()
			.filter((line) -> !line.contains("migrations_version"))
			.toList();
	}

	@Test
	void theSampleApplicationsHistorySquashesIntoOneRevisionBuildingTheSameSchema(TestDatabase db) throws IOException {
		Path sample = Path.of("../sample-app/src/main/resources/db/revisions");
		try (Stream<Path> files = Files.list(sample)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).toList()) {
				Files.copy(file, this.directory.resolve(file.getFileName()));
				Files.copy(file, this.unsquashed.resolve(file.getFileName()));
			}
		}
		Migrations before = migrations(db.dataSource(), this.directory);
		String head = before.graph().heads().get(0);
		try (TestDatabase old = TestDatabases.postgres()) {
			migrations(old.dataSource(), this.unsquashed).upgrade("head");
			Sql.execute(old.dataSource(), "insert into label (id, title) values (1, 'kept')");

			SquashResult result = before.squash(head, "squash the sample's history");

			assertThat(result.replaces()).hasSize(4).endsWith(head);
			String text = Files.readString(result.file());
			assertThat(text).contains("CREATE TYPE contacteventstatus AS ENUM")
				.contains("USING gin (metadata jsonb_path_ops)")
				.contains("CREATE SEQUENCE IF NOT EXISTS bulletin_seq INCREMENT BY 50");
			Migrations squashed = migrations(db.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(squashed.current()).containsExactly(result.revision());
			assertThat(dump(db.dataSource())).isEqualTo(dump(old.dataSource())).isNotEmpty();

			// the application's database, at the old head, is at the squash and keeps its rows
			Migrations atOld = migrations(old.dataSource(), this.directory);
			assertThat(atOld.current()).containsExactly(result.revision());
			atOld.upgrade("head");
			assertThat(Sql.column(old.dataSource(), "select title from label")).containsExactly("kept");
		}
	}

	@Test
	void aGeneratedHistoryOfAThousandRevisionsSquashesIntoOne(TestDatabase db) throws IOException {
		int count = 1000;
		writeLongHistory(this.directory, count);
		writeLongHistory(this.unsquashed, count);
		String point = id(count);
		new RevisionFiles(this.directory).write(id(count + 1), point, "after the point",
				"CREATE TABLE after_point (id bigint PRIMARY KEY);", "DROP TABLE after_point;");
		new RevisionFiles(this.unsquashed).write(id(count + 1), point, "after the point",
				"CREATE TABLE after_point (id bigint PRIMARY KEY);", "DROP TABLE after_point;");

		long started = System.nanoTime();
		SquashResult result = migrations(db.dataSource(), this.directory).squash(point, "squash a thousand revisions");
		long millis = (System.nanoTime() - started) / 1_000_000;
		// a figure for benchmarks/README.md; nothing is asserted about it
		System.out.println("Squashing " + count + " revisions (" + result.tables() + " tables) took " + millis + " ms");

		assertThat(result.replaces()).hasSize(count).startsWith(id(1)).endsWith(point);
		Migrations squashed = migrations(db.dataSource(), this.directory);
		assertThat(squashed.graph().size()).isEqualTo(2);
		squashed.upgrade("head");
		assertThat(squashed.current()).containsExactly(id(count + 1));
		try (TestDatabase old = TestDatabases.postgres()) {
			migrations(old.dataSource(), this.unsquashed).upgrade("head");
			assertThat(dump(db.dataSource())).isEqualTo(dump(old.dataSource()));
			Sql.execute(old.dataSource(), "insert into t1 (id, name) values (1, 'kept')");
			Migrations atOld = migrations(old.dataSource(), this.directory);
			assertThat(atOld.current()).containsExactly(id(count + 1));
			atOld.downgrade("-1");
			assertThat(atOld.current()).containsExactly(result.revision());
			atOld.upgrade("head");
			assertThat(Sql.column(old.dataSource(), "select revision from migrations_version order by applied_seq"))
				.containsExactly(result.revision(), id(count + 1));
			assertThat(Sql.column(old.dataSource(), "select name from t1")).containsExactly("kept");
		}
	}

	@Test
	void aSchemaLargerThanOneTransactionMayLockSquashesIntoARevisionRunStatementByStatement(TestDatabase db)
			throws Exception {
		int tables = Sql.tablesBeyondOneTransaction(db.dataSource(), 50);
		RevisionFiles files = new RevisionFiles(this.directory);
		int revisions = (tables + 9) / 10;
		for (int r = 1; r <= revisions; r++) {
			StringBuilder up = new StringBuilder();
			StringBuilder down = new StringBuilder();
			for (int n = (r - 1) * 10 + 1; n <= Math.min(tables, r * 10); n++) {
				up.append("CREATE TABLE w").append(n).append(" (id bigint PRIMARY KEY, name varchar(40) NOT NULL")
					.append((n > 1) ? ", previous_id bigint REFERENCES w" + (n - 1) + " (id)" : "").append(");\n");
				down.insert(0, "DROP TABLE w" + n + ";\n");
			}
			files.write(id(r), (r == 1) ? "none" : id(r - 1), "tables " + r, up.toString(), down.toString());
		}

		SquashResult result = migrations(db.dataSource(), this.directory).squash("head", "squash");

		assertThat(result.tables()).isEqualTo(tables);
		assertThat(Files.readString(result.file())).contains("\n-- transactional: false\n");
		// the scratch schemas were dropped, a hundred tables at a time
		assertThat(Sql.column(db.dataSource(),
				"select count(*) from pg_namespace where nspname like 'migrations\\_squash\\_%'")).containsExactly("0");
		try (TestDatabase fresh = TestDatabases.postgres()) {
			Migrations squashed = migrations(fresh.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(squashed.current()).containsExactly(result.revision());
			assertThat(Sql.column(fresh.dataSource(), "select count(*) from pg_tables where schemaname = 'public'"
					+ " and tablename like 'w%'")).containsExactly(String.valueOf(tables));
			squashed.downgrade("base");
			assertThat(Sql.postgresTables(fresh.dataSource())).containsExactly("migrations_version",
					"migrations_version_log");
		}
	}

	static String id(int i) {
		return String.format("f%011d", i);
	}

	/** Tables grow by columns, indexes, checks and foreign keys to the table before, four revisions a table. */
	static void writeLongHistory(Path directory, int count) {
		RevisionFiles files = new RevisionFiles(directory);
		for (int i = 1; i <= count; i++) {
			int table = (i + 3) / 4;
			String t = "t" + table;
			String up;
			String down;
			switch (i % 4) {
				case 1 -> {
					up = "CREATE TABLE " + t + " (id bigint PRIMARY KEY, name varchar(100) NOT NULL);";
					down = "DROP TABLE " + t + ";";
				}
				case 2 -> {
					up = "ALTER TABLE " + t + " ADD COLUMN amount numeric(10,2) DEFAULT 0 CHECK (amount >= 0);";
					down = "ALTER TABLE " + t + " DROP COLUMN amount;";
				}
				case 3 -> {
					up = "CREATE INDEX ix_" + t + "_name ON " + t + " (name);";
					down = "DROP INDEX ix_" + t + "_name;";
				}
				default -> {
					up = (table > 1) ? "ALTER TABLE " + t + " ADD COLUMN previous_id bigint REFERENCES t" + (table - 1)
							+ " (id) ON DELETE SET NULL;" : "ALTER TABLE " + t + " ADD COLUMN previous_id bigint;";
					down = "ALTER TABLE " + t + " DROP COLUMN previous_id;";
				}
			}
			files.write(id(i), (i == 1) ? "none" : id(i - 1), "step " + i, up, down);
		}
	}

}
