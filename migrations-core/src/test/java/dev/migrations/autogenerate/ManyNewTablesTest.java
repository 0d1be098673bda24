package dev.migrations.autogenerate;

import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.MigrationsException;
import dev.migrations.Sql;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migrate()} of more new tables than the server's lock table could hold in one transaction,
 * and {@code upgrade} of what it writes.
 */
@ExtendWith(TestDatabaseExtension.class)
class ManyNewTablesTest {

	private static final Pattern CREATE = Pattern.compile("CREATE TABLE IF NOT EXISTS (e_\\d{4}) \\(");

	private static final Pattern FOREIGN_KEY = Pattern.compile("ALTER TABLE (e_\\d{4}) ADD CONSTRAINT \\S+ FOREIGN KEY"
			+ " \\(parent_id\\) REFERENCES (e_\\d{4}) \\(id\\);");

	@TempDir
	Path directory;

	@Test
	void migrateOfMoreNewTablesThanOneTransactionHoldsWritesRevisionsInPartsThatUpgradeAndDowngradeApply(TestDatabase db)
			throws Exception {
		int lockTable = lockTable(db);
		// each table takes ~11 locks in the scratch schema (table, TOAST table and index, primary and unique keys,
		// identity sequence, row type, constraints): one transaction would need 2.7 times the lock table, which on a
		// server with the defaults runs out at about 1.6 times
		int entities = lockTable / 4;
		List<Class<?>> classes = compile(entities);
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		MigrationsConfiguration configuration = Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + revisions)
			.outputDirectory(revisions)
			.entities(EntitySource.of(classes).withClassLoader(classes.get(0).getClassLoader()));

		MigrateResult result = configuration.load().migrate("create everything");

		// several revisions, each on top of the one before, together creating every table once
		List<Path> files = result.files();
		assertThat(files).hasSizeGreaterThan(1).last().isEqualTo(result.file());
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
				+ " where c.relname like 'e\\_%' or n.nspname like 'migrations\\_scratch\\_%'")).containsExactly("0");
		Map<String, Integer> createdIn = new HashMap<>();
		List<Integer> tablesPerFile = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			String text = Files.readString(files.get(i));
			assertThat(text).contains("-- message: create everything (part " + (i + 1) + " of " + files.size() + ")");
			String upgrade = text.substring(0, text.indexOf("\n-- downgrade\n"));
			Matcher create = CREATE.matcher(upgrade);
			int tables = 0;
			while (create.find()) {
				assertThat(createdIn.put(create.group(1), i)).as(create.group(1)).isNull();
				tables++;
			}
			tablesPerFile.add(tables);
			// a table's foreign key is in the revision that creates the table, after the table it references
			Matcher foreignKey = FOREIGN_KEY.matcher(upgrade);
			while (foreignKey.find()) {
				assertThat(createdIn.get(foreignKey.group(1))).as(foreignKey.group()).isEqualTo(i);
				assertThat(createdIn.get(foreignKey.group(2))).as(foreignKey.group()).isNotNull().isLessThanOrEqualTo(i);
			}
			// the downgrade drops exactly the tables of its revision
			assertThat(count(text.substring(text.indexOf("\n-- downgrade\n")), "DROP TABLE IF EXISTS ")).isEqualTo(tables);
		}
		assertThat(createdIn).hasSize(entities);
		String last = String.format(Locale.ROOT, "e_%04d", entities);
		assertThat(Files.readString(result.file())).contains("CREATE TABLE IF NOT EXISTS " + last + " (",
				"CONSTRAINT " + last + "_status_check CHECK (status::text = ANY (ARRAY['NEW'::character varying",
				String.format(Locale.ROOT, "ALTER TABLE %s ADD CONSTRAINT fk_%s_parent_id__e_%04d FOREIGN KEY (parent_id)"
						+ " REFERENCES e_%04d (id);", last, last, entities - 1, entities - 1));

		// one transaction per revision, each fitting the lock table (the one revision of before failed with 53200)
		Migrations migrations = configuration.load();
		assertThat(migrations.upgrade("head").steps()).hasSize(files.size());
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_tables where schemaname = 'public'"
				+ " and tablename like 'e\\_%'")).containsExactly(String.valueOf(entities));
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_constraint where contype = 'f'"
				+ " and connamespace = 'public'::regnamespace")).containsExactly(String.valueOf(entities - 1));
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_indexes where schemaname = 'public'"
				+ " and tablename like 'e\\_%'")).containsExactly(String.valueOf(2 * entities));
		assertThat(migrations.check()).isEmpty();

		// each revision's downgrade undoes that revision only, and all of them everything
		assertThat(migrations.downgrade("-1").steps()).hasSize(1);
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_tables where schemaname = 'public'"
				+ " and tablename like 'e\\_%'"))
			.containsExactly(String.valueOf(entities - tablesPerFile.get(files.size() - 1)));
		assertThat(migrations.downgrade("base").steps()).hasSize(files.size() - 1);
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_class where relnamespace = 'public'::regnamespace"
				+ " and relname like 'e\\_%'")).containsExactly("0");
	}

	@Test
	void createDbOfMoreTablesThanOneTransactionMayLockCreatesThemInPartsAndDropsThemAgainWhenAPartFails(TestDatabase db)
			throws Exception {
		// more than the budget of one transaction (half the lock table, a create table weighing 10): two parts at
		// least, cut as db migrate cuts its revisions (the test above shows the cut fitting the server for real)
		int entities = Sql.tablesBeyondOneTransaction(db.dataSource(), 100);
		List<Class<?>> classes = compile(entities);
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + revisions)
			.entities(EntitySource.of(classes).withClassLoader(classes.get(0).getClassLoader()))
			.load();
		// a type of the last table's name, which create-db leaves alone as it is not the entities': its CREATE
		// TABLE fails, in the last part, after the parts before it were committed
		String last = String.format(Locale.ROOT, "e_%04d", entities);
		Sql.execute(db.dataSource(), "CREATE TYPE " + last + " AS ENUM ('x')");

		assertThatThrownBy(migrations::createDb).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("create-db failed at statement ")
			.hasMessageContaining(" (part ")
			.hasMessageContaining("CREATE TABLE IF NOT EXISTS " + last + " (")
			.hasMessageContaining("part(s) committed before it were dropped again: nothing was created.");
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_class where relnamespace = 'public'::regnamespace"
				+ " and relname like 'e\\_%'")).containsExactly("0");
		assertThat(migrations.current()).isEmpty();

		Sql.execute(db.dataSource(), "DROP TYPE " + last);
		migrations.createDb();
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_tables where schemaname = 'public'"
				+ " and tablename like 'e\\_%'")).containsExactly(String.valueOf(entities));
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_constraint where contype = 'f'"
				+ " and connamespace = 'public'::regnamespace")).containsExactly(String.valueOf(entities - 1));
		assertThat(migrations.check()).isEmpty();
	}

	/** The lock table's size: max_locks_per_transaction × (every backend the server may start + prepared ones). */
	private static int lockTable(TestDatabase db) {
		return Integer.parseInt(Sql.column(db.dataSource(), "select current_setting('max_locks_per_transaction')::int"
				+ " * (current_setting('max_connections')::int + current_setting('autovacuum_max_workers')::int + 1"
				+ " + current_setting('max_worker_processes')::int + current_setting('max_wal_senders')::int"
				+ " + current_setting('max_prepared_transactions')::int)").get(0));
	}

	private static int count(String text, String word) {
		int count = 0;
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
			count++;
		}
		return count;
	}

	// entities E0001..En: an identity key, a unique code, an enum kept as text (a check), a long text (a TOAST
	// table), and a many-to-one to the one before
	private List<Class<?>> compile(int count) throws Exception {
		Path sources = Files.createDirectories(this.directory.resolve("src/many"));
		Path classes = Files.createDirectories(this.directory.resolve("classes"));
		List<Path> files = new ArrayList<>();
		files.add(Files.writeString(sources.resolve("Status.java"), "package many;\npublic enum Status { NEW, OLD }\n"));
		for (int i = 1; i <= count; i++) {
			String name = String.format(Locale.ROOT, "E%04d", i);
			StringBuilder java = new StringBuilder("package many;\nimport jakarta.persistence.*;\n@Entity\n@Table(name = \"")
				.append(String.format(Locale.ROOT, "e_%04d", i))
				.append("\")\npublic class ").append(name).append(" {\n")
				.append("@Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n")
				.append("@Column(length = 40, unique = true) String code;\n")
				.append("@Enumerated(EnumType.STRING) @Column(length = 9) Status status;\n")
				.append("@Column(length = 1000) String description;\n");
			if (i > 1) {
				java.append(String.format(Locale.ROOT, "@ManyToOne @JoinColumn(name = \"parent_id\") E%04d parent;\n", i - 1));
			}
			files.add(Files.writeString(sources.resolve(name + ".java"), java.append("}\n")));
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter diagnostics = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
			String persistenceJar = Path.of(jakarta.persistence.Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
			boolean compiled = compiler.getTask(diagnostics, fileManager, null,
					List.of("-d", classes.toString(), "-classpath", persistenceJar, "-proc:none", "-nowarn", "-g:none"), null,
					fileManager.getJavaFileObjectsFromPaths(files)).call();
			assertThat(compiled).as(diagnostics::toString).isTrue();
		}
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
		List<Class<?>> loaded = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			loaded.add(Class.forName(String.format(Locale.ROOT, "many.E%04d", i), false, loader));
		}
		return loaded;
	}

}
