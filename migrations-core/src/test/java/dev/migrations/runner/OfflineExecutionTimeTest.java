package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An offline script records when and how long each revision ran when the script is run, not when it was written. */
@ExtendWith(TestDatabaseExtension.class)
class OfflineExecutionTimeTest {

	@TempDir
	Path directory;

	@Test
	void postgresScriptRecordsTheTimesOfItsRun(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "in a transaction", "CREATE TABLE one (id int);\nSELECT pg_sleep(0.3);",
				"DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "outside a transaction", "-- transactional: false\n",
				"CREATE TABLE two (id int);\nSELECT pg_sleep(0.3);", "DROP TABLE two;");
		String script = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load()
			.upgradeSql("base:head");
		String generatedAt = Sql.column(db.dataSource(), "select clock_timestamp()").get(0);

		run(db.dataSource(), script, SqlSyntax.POSTGRESQL);

		assertThat(Sql.column(db.dataSource(), "select execution_millis >= 300 from migrations_version order by applied_seq"))
			.containsExactly("t", "t");
		assertThat(Sql.column(db.dataSource(), "select execution_millis >= 300 from migrations_version_log order by id"))
			.containsExactly("t", "t");
		assertThat(Sql.column(db.dataSource(), "select bool_and(applied_at > '" + generatedAt + "') from migrations_version"))
			.containsExactly("t");
	}

	@Test
	void mariaDbScriptRecordsTheTimesOfItsRun(@MariaDb TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int);\nSELECT SLEEP(0.3);", "DROP TABLE one;");
		String script = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load()
			.upgradeSql("base:head");

		run(db.dataSource(), script, SqlSyntax.MARIADB);

		assertThat(Sql.column(db.dataSource(), "select execution_millis >= 300 from migrations_version")).containsExactly("1");
		assertThat(Sql.column(db.dataSource(), "select execution_millis >= 300 from migrations_version_log"))
			.containsExactly("1");
	}

	/** Runs the script statement by statement, as psql or the mariadb client would. */
	static void run(DataSource dataSource, String script, SqlSyntax syntax) throws Exception {
		List<SqlStatement> statements = SqlSplitter.split(script, syntax);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (SqlStatement sql : statements) {
				statement.execute(sql.sql());
			}
		}
	}

}
