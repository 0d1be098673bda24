package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrations.MigrateOptions;
import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.diff.DiffOptions;
import dev.migrations.entity.EntitySource;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintResult;
import dev.migrations.lint.LockMode;
import dev.migrations.rehearse.LockTaken;
import dev.migrations.rehearse.RehearsalOptions;
import dev.migrations.rehearse.RehearsalReport;
import dev.migrations.rehearse.RevisionRehearsal;
import dev.migrations.rehearse.StatementRehearsal;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * S1 and S2, safe on production. S1 lints 1,000 revisions of mixed shapes (new tables, index builds,
 * added columns, widenings, constraints, renames, drops, backfills, function bodies), in a warm JVM,
 * on its first call, with the files read again each time, and reading table sizes from a database.
 * S2 rehearses the same change in its plain and its online form on a table of a million rows
 * ({@code CREATE INDEX} in a transactional revision against {@code CREATE INDEX CONCURRENTLY} in a
 * {@code transactional: false} one), each on its own copy of the database, and reports the lock each
 * takes on the table and for how long. {@code -Dbench.safety.rows=N} changes the table's size.
 */
final class SafetyBenchmark {

	private static final int LINT_REVISIONS = 1000;

	private static final int LINT_WARMUP = 10;

	private static final int LINT_RUNS = 11;

	private static final int REHEARSAL_RUNS = 3;

	private final Path work;

	private final int rows = Integer.getInteger("bench.safety.rows", 1_000_000);

	private final int generatedRuns = Integer.getInteger("bench.safety.generated-runs", REHEARSAL_RUNS);

	SafetyBenchmark(Path work) {
		this.work = work;
	}

	void run(Report report) throws IOException, SQLException {
		lint(report);
		rehearse(report);
		rehearseGenerated(report);
	}

	/** S3 alone ({@code online}): the plain and the online form of one generated change, rehearsed. */
	void runGenerated(Report report) throws IOException, SQLException {
		rehearseGenerated(report);
	}

	private void lint(Report report) throws IOException {
		Path revisions = writeMixedRevisions(this.work.resolve("lint-revisions"), LINT_REVISIONS);
		System.err.println("S1: lint " + LINT_REVISIONS + " revisions, " + LINT_RUNS + " runs after " + LINT_WARMUP
				+ " warm-up rounds");
		LintOptions files = LintOptions.defaults().allRevisions().useDatabase(false);
		Migrations offline = Migrations.configure()
			.dialect(new dev.migrations.dialect.PostgresDialect())
			.locations("filesystem:" + revisions)
			.load();
		long first = System.nanoTime();
		LintResult result = offline.lint(files);
		double firstMillis = Stats.millis(System.nanoTime() - first);
		for (int i = 0; i < LINT_WARMUP; i++) {
			offline.lint(files);
		}
		List<Double> warm = new ArrayList<>();
		List<Double> withLoad = new ArrayList<>();
		for (int i = 0; i < LINT_RUNS; i++) {
			long start = System.nanoTime();
			offline.lint(files);
			warm.add(Stats.millis(System.nanoTime() - start));
			start = System.nanoTime();
			Migrations.configure()
				.dialect(new dev.migrations.dialect.PostgresDialect())
				.locations("filesystem:" + revisions)
				.load()
				.lint(files);
			withLoad.add(Stats.millis(System.nanoTime() - start));
		}
		List<Double> withDatabase = new ArrayList<>();
		try (TestDatabase database = TestDatabases.postgres()) {
			DataSource dataSource = Tools.Database.of(database).dataSource();
			Migrations online = Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions).load();
			for (int i = 0; i < LINT_RUNS; i++) {
				long start = System.nanoTime();
				online.lint();
				withDatabase.add(Stats.millis(System.nanoTime() - start));
			}
		}
		double median = Stats.median(warm);
		String measured = String.format(Locale.ROOT, "%s ms warm (median; %d statements, %d findings), %s ms on the first"
				+ " call in this JVM, %s ms reading the files too, %s ms with the database (pending revisions, table sizes,"
				+ " session settings)", Stats.ms(median), result.statements(), result.findings().size(), Stats.ms(firstMillis),
				Stats.ms(Stats.median(withLoad)), Stats.ms(Stats.median(withDatabase)));
		System.err.println("  " + measured);
		report.add(new Report.TargetRow("S1 lint " + LINT_REVISIONS + " revisions well under a second", measured,
				median < 1000 && firstMillis < 1000 && Stats.median(withDatabase) < 1000));
	}

	private void rehearse(Report report) throws IOException, SQLException {
		System.err.println("S2: rehearse CREATE INDEX and CREATE INDEX CONCURRENTLY on " + String.format(Locale.ROOT, "%,d",
				this.rows) + " rows, " + REHEARSAL_RUNS + " runs each, each on its own copy");
		String base = "-- revision: 5a0000000001\n-- down_revision: none\n-- message: big table\n\n-- upgrade\n"
				+ "CREATE TABLE big (id bigint PRIMARY KEY, v text NOT NULL, created timestamptz NOT NULL DEFAULT now());\n"
				+ "INSERT INTO big (id, v) SELECT g, md5(g::text) FROM generate_series(1, " + this.rows + ") g;\n"
				+ "\n-- downgrade\nDROP TABLE big;\n";
		Path plain = write(this.work.resolve("plain"), base, "5a0000000002_plain_index.sql",
				"-- revision: 5a0000000002\n-- down_revision: 5a0000000001\n-- message: index big.v\n\n-- upgrade\n"
						+ "CREATE INDEX ix_big_v ON big (v);\n\n-- downgrade\nDROP INDEX ix_big_v;\n");
		Path online = write(this.work.resolve("online"), base, "5a0000000003_online_index.sql",
				"-- revision: 5a0000000003\n-- down_revision: 5a0000000001\n-- message: index big.v online\n"
						+ "-- transactional: false\n\n-- upgrade\nCREATE INDEX CONCURRENTLY ix_big_v ON big (v);\n\n"
						+ "-- downgrade\nDROP INDEX CONCURRENTLY ix_big_v;\n");
		try (TestDatabase database = TestDatabases.postgres()) {
			DataSource dataSource = Tools.Database.of(database).dataSource();
			Migrations plainMigrations = Migrations.configure().dataSource(dataSource).locations("filesystem:" + plain).load();
			Migrations onlineMigrations = Migrations.configure().dataSource(dataSource).locations("filesystem:" + online)
				.load();
			long loadStart = System.nanoTime();
			plainMigrations.upgrade("5a0000000001");
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("ANALYZE big");
			}
			System.err.println("  loaded the table in " + Stats.ms(Stats.millis(System.nanoTime() - loadStart)) + " ms");
			RehearsalOptions copy = RehearsalOptions.copy(database.jdbcUrl(), database.username(), database.password());
			List<Double> plainStatement = new ArrayList<>();
			List<Double> plainHeld = new ArrayList<>();
			List<Double> onlineStatement = new ArrayList<>();
			List<Double> onlineHeld = new ArrayList<>();
			List<Double> whole = new ArrayList<>();
			LockMode plainMode = null;
			LockMode onlineMode = null;
			RehearsalReport plainReport = null;
			RehearsalReport onlineReport = null;
			for (int i = 0; i < REHEARSAL_RUNS; i++) {
				for (int k = 0; k < 2; k++) {
					boolean plainFirst = (i + k) % 2 == 0;
					RehearsalReport rehearsal = (plainFirst ? plainMigrations : onlineMigrations).rehearse("head", copy);
					StatementRehearsal index = rehearsal.revisions().get(0).statements().get(0);
					LockTaken lock = tableLock(index);
					whole.add(Stats.millis(rehearsal.time().toNanos()));
					if (plainFirst) {
						plainStatement.add(Stats.millis(index.time().toNanos()));
						plainHeld.add(Stats.millis(lock.held().toNanos()));
						plainMode = lock.mode();
						plainReport = rehearsal;
					}
					else {
						onlineStatement.add(Stats.millis(index.time().toNanos()));
						onlineHeld.add(Stats.millis(lock.held().toNanos()));
						onlineMode = lock.mode();
						onlineReport = rehearsal;
					}
				}
			}
			System.err.println("  plain form, last run:\n" + plainReport.toText());
			System.err.println("  online form, last run:\n" + onlineReport.toText());
			LintResult lint = plainMigrations.lint();
			String severity = lint.findings("index-without-concurrently").isEmpty() ? "none"
					: lint.findings("index-without-concurrently").get(0).severity().label();
			String measured = String.format(Locale.ROOT, "plain: %s on big held %s ms (statement %s ms): %s; online: %s held"
					+ " %s ms (statement %s ms): %s; a whole rehearsal (copy, run, drop) %s ms; lint of the plain form: %s",
					plainMode.sql(), Stats.ms(Stats.median(plainHeld)), Stats.ms(Stats.median(plainStatement)),
					plainMode.effect(), onlineMode.sql(), Stats.ms(Stats.median(onlineHeld)),
					Stats.ms(Stats.median(onlineStatement)), onlineMode.effect(), Stats.ms(Stats.median(whole)), severity);
			System.err.println("  " + measured);
			report.add(new Report.TargetRow("S2 rehearsal on " + String.format(Locale.ROOT, "%,d", this.rows)
					+ " rows shows plain vs online CREATE INDEX (median of " + REHEARSAL_RUNS + ")", measured,
					plainMode == LockMode.SHARE && onlineMode == LockMode.SHARE_UPDATE_EXCLUSIVE));
		}
	}

	/**
	 * S3: {@code migrate} from entities that add an index, a foreign key and a NOT NULL to a table of
	 * a million rows, written plainly and in the online form, each rehearsed on its own copy: how
	 * long writes and reads of the table wait, and how long the whole change takes.
	 */
	private void rehearseGenerated(Report report) throws IOException, SQLException {
		String rows = String.format(Locale.ROOT, "%,d", this.rows);
		System.err.println("S3: migrate an index, a foreign key and a NOT NULL on " + rows + " rows, plain and online,"
				+ " " + this.generatedRuns + " rehearsals each");
		Path plainDirectory = Files.createDirectories(this.work.resolve("generated-plain"));
		Path onlineDirectory = Files.createDirectories(this.work.resolve("generated-online"));
		List<Class<?>> v1 = List.of(dev.migrations.benchmarks.online.v1.Category.class,
				dev.migrations.benchmarks.online.v1.BigItem.class);
		List<Class<?>> v2 = List.of(dev.migrations.benchmarks.online.v2.Category.class,
				dev.migrations.benchmarks.online.v2.BigItem.class);
		try (TestDatabase database = TestDatabases.postgres()) {
			DataSource dataSource = Tools.Database.of(database).dataSource();
			Migrations first = generating(dataSource, plainDirectory, v1);
			MigrateResult tables = first.migrate("tables");
			first.upgrade("head");
			Files.copy(tables.file(), onlineDirectory.resolve(tables.file().getFileName()));
			long loadStart = System.nanoTime();
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("INSERT INTO category (id, name) SELECT g, 'c' || g FROM generate_series(1, 100) g");
				statement.execute("INSERT INTO big_item (id, v, category_id, note) SELECT g, md5(g::text), g % 100 + 1, 'n'"
						+ " FROM generate_series(1, " + this.rows + ") g");
				statement.execute("ANALYZE big_item");
			}
			System.err.println("  loaded the table in " + Stats.ms(Stats.millis(System.nanoTime() - loadStart)) + " ms");
			MigrateResult plain = generating(dataSource, plainDirectory, v2).migrate("change", DiffOptions.defaults(),
					MigrateOptions.plain());
			MigrateResult online = generating(dataSource, onlineDirectory, v2).migrate("change", DiffOptions.defaults(),
					MigrateOptions.onlineForm());
			for (Path file : plain.files()) {
				System.err.println("  plain form, " + file.getFileName() + ":\n" + Files.readString(file));
			}
			for (Path file : online.files()) {
				System.err.println("  online form, " + file.getFileName() + ":\n" + Files.readString(file));
			}
			Migrations plainMigrations = generating(dataSource, plainDirectory, v2);
			Migrations onlineMigrations = generating(dataSource, onlineDirectory, v2);
			RehearsalOptions copy = RehearsalOptions.copy(database.jdbcUrl(), database.username(), database.password());
			Exposure plainExposure = new Exposure();
			Exposure onlineExposure = new Exposure();
			for (int i = 0; i < this.generatedRuns; i++) {
				for (int k = 0; k < 2; k++) {
					boolean plainTurn = (i + k) % 2 == 0;
					RehearsalReport rehearsal = (plainTurn ? plainMigrations : onlineMigrations).rehearse("head", copy);
					if (rehearsal.failed()) {
						throw new IllegalStateException("The rehearsal failed:\n" + rehearsal.toText());
					}
					(plainTurn ? plainExposure : onlineExposure).add(rehearsal);
				}
			}
			System.err.println("  plain form, last run:\n" + plainExposure.last.toText());
			System.err.println("  online form, last run:\n" + onlineExposure.last.toText());
			String measured = String.format(Locale.ROOT, "plain (%d revision): %s; online (%d revisions): %s",
					plain.files().size(), plainExposure.describe(), online.files().size(), onlineExposure.describe());
			System.err.println("  " + measured);
			report.add(new Report.TargetRow("S3 generated index + foreign key + NOT NULL on " + rows + " rows, plain vs"
					+ " online form (median of " + this.generatedRuns + ")", measured,
					Stats.median(onlineExposure.writesBlocked) * 10 < Stats.median(plainExposure.writesBlocked)));
		}
	}

	private static Migrations generating(DataSource dataSource, Path directory, List<Class<?>> entities) {
		return Migrations.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + directory)
			.outputDirectory(directory)
			.entities(EntitySource.of(entities))
			.load();
	}

	/**
	 * How long the rehearsals kept writes, and reads, of {@code big_item} waiting: per revision the
	 * longest lock held on it that blocks them (locks of one transaction overlap), summed over the
	 * revisions; and the time of the revisions themselves.
	 */
	private static final class Exposure {

		final List<Double> writesBlocked = new ArrayList<>();

		final List<Double> readsBlocked = new ArrayList<>();

		final List<Double> total = new ArrayList<>();

		RehearsalReport last;

		void add(RehearsalReport rehearsal) {
			double writes = 0;
			double reads = 0;
			double time = 0;
			for (RevisionRehearsal revision : rehearsal.revisions()) {
				writes += longest(revision, LockMode::blocksWrites);
				reads += longest(revision, LockMode::blocksReads);
				time += Stats.millis(revision.time().toNanos());
			}
			this.writesBlocked.add(writes);
			this.readsBlocked.add(reads);
			this.total.add(time);
			this.last = rehearsal;
		}

		private static double longest(RevisionRehearsal revision, java.util.function.Predicate<LockMode> blocking) {
			return revision.statements().stream()
				.flatMap((statement) -> statement.locks().stream())
				.filter((lock) -> lock.relation().equals("public.big_item") && blocking.test(lock.mode()))
				.mapToDouble((lock) -> Stats.millis(lock.held().toNanos()))
				.max()
				.orElse(0);
		}

		String describe() {
			return String.format(Locale.ROOT, "writes to big_item blocked %s ms, reads blocked %s ms, the revisions %s ms",
					Stats.ms(Stats.median(this.writesBlocked)), Stats.ms(Stats.median(this.readsBlocked)),
					Stats.ms(Stats.median(this.total)));
		}

	}

	private static LockTaken tableLock(StatementRehearsal statement) {
		return statement.locks().stream()
			.filter((lock) -> lock.relation().equals("public.big"))
			.max((a, b) -> a.mode().compareTo(b.mode()))
			.orElseThrow(() -> new IllegalStateException("no lock on big seen: " + statement));
	}

	private static Path write(Path directory, String base, String name, String change) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("5a0000000001_big_table.sql"), base, StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(name), change, StandardCharsets.UTF_8);
		return directory;
	}

	/**
	 * Revisions of the shapes a real history holds: every tenth creates a table (and an index on it),
	 * the others change the latest table in one of nine ways, some of which lint flags.
	 */
	static Path writeMixedRevisions(Path directory, int count) throws IOException {
		Files.createDirectories(directory);
		String parent = "none";
		String table = null;
		for (int i = 1; i <= count; i++) {
			String id = RevisionFixtures.revisionId(i);
			boolean transactional = true;
			String upgrade;
			if (table == null || i % 10 == 1) {
				table = String.format(Locale.ROOT, "t_%04d", i);
				upgrade = "CREATE TABLE " + table + " (\n    id bigint PRIMARY KEY,\n    name varchar(100) NOT NULL,\n"
						+ "    created_at timestamp NOT NULL DEFAULT now(),\n    note text\n);\nCREATE INDEX ix_" + table
						+ "_name ON " + table + " (name);\n";
			}
			else {
				upgrade = switch (i % 10) {
					case 2 -> "CREATE INDEX ix_" + table + "_created ON " + table + " (created_at);\n";
					case 3 -> "SET LOCAL lock_timeout = '5s';\nALTER TABLE " + table + " ADD COLUMN c_" + i + " integer;\n";
					case 4 -> "ALTER TABLE " + table + " ALTER COLUMN name TYPE varchar(200);\n";
					case 5 -> "SET LOCAL lock_timeout = '5s';\nALTER TABLE " + table + " ADD CONSTRAINT " + table
							+ "_name_ck CHECK (name <> '') NOT VALID;\n";
					case 6 -> "-- a batch of a backfill\nUPDATE " + table + " SET note = 'n' WHERE id < 100;\n";
					case 7 -> "CREATE FUNCTION f_" + i + "() RETURNS integer LANGUAGE plpgsql AS $$\nBEGIN\n"
							+ "  -- ALTER TABLE inside a body is not run here\n  RETURN 1;\nEND\n$$;\n";
					case 8 -> {
						transactional = false;
						yield "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY ix_" + table + "_note ON " + table
								+ " (note);\n";
					}
					case 9 -> "ALTER TABLE " + table + " ADD COLUMN r_" + i + " text;\nALTER TABLE " + table + " RENAME COLUMN r_"
							+ i + " TO s_" + i + ";\n";
					default -> "ALTER TABLE " + table + " ADD COLUMN d_" + i + " text DEFAULT 'x';\nALTER TABLE " + table
							+ " DROP COLUMN d_" + i + ";\n";
				};
			}
			String text = "-- revision: " + id + "\n-- down_revision: " + parent + "\n-- message: step " + i + "\n"
					+ "-- created: 2026-12-01T00:00:00Z\n" + (transactional ? "" : "-- transactional: false\n")
					+ "\n-- upgrade\n" + upgrade + "\n-- downgrade\n";
			Files.writeString(directory.resolve(id + "_step_" + i + ".sql"), text, StandardCharsets.UTF_8);
			parent = id;
		}
		return directory;
	}

}
