package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The same N small schema changes (a table with an index each) written three ways: as revision
 * files forming one line, as Flyway versioned scripts, and as one concatenated script for psql
 * (in transactions of {@value #PSQL_TRANSACTION_REVISIONS} revisions when there are more).
 */
final class RevisionFixtures {

	final Path revisions;

	final Path flywayScripts;

	final Path concatenated;

	final int count;

	/**
	 * At most this many revisions go in one transaction of {@link #concatenated}: with PostgreSQL's
	 * default {@code max_locks_per_transaction} (64) one transaction cannot create many more tables
	 * (at 10,000 revisions {@code psql -1} stops after about 4,500 with "out of shared memory").
	 */
	static final int PSQL_TRANSACTION_REVISIONS = 1000;

	/** Whether {@link #concatenated} is for {@code psql -1} (else it opens and commits its own transactions). */
	boolean psqlInOneTransaction() {
		return this.count <= PSQL_TRANSACTION_REVISIONS;
	}

	private RevisionFixtures(Path root, int count) {
		this.revisions = root.resolve("revisions");
		this.flywayScripts = root.resolve("flyway");
		this.concatenated = root.resolve("all.sql");
		this.count = count;
	}

	static RevisionFixtures write(Path root, int count) throws IOException {
		RevisionFixtures fixtures = new RevisionFixtures(root, count);
		Files.createDirectories(fixtures.revisions);
		Files.createDirectories(fixtures.flywayScripts);
		StringBuilder all = new StringBuilder();
		String parent = "none";
		boolean chunked = !fixtures.psqlInOneTransaction();
		for (int i = 1; i <= count; i++) {
			String table = String.format(Locale.ROOT, "t_%04d", i);
			String upgrade = "CREATE TABLE " + table + " (\n    id bigint PRIMARY KEY,\n    name varchar(100) NOT NULL,\n"
					+ "    created_at timestamp NOT NULL DEFAULT now()\n);\n" + "CREATE INDEX ix_" + table + "_name ON " + table
					+ " (name);\n";
			String id = revisionId(i);
			String revision = "-- revision: " + id + "\n-- down_revision: " + parent + "\n-- message: create " + table
					+ "\n-- created: 2026-11-21T00:00:00Z\n\n-- upgrade\n" + upgrade + "\n-- downgrade\nDROP TABLE " + table + ";\n";
			Files.writeString(fixtures.revisions.resolve(id + "_create_" + table + ".sql"), revision, StandardCharsets.UTF_8);
			Files.writeString(fixtures.flywayScripts.resolve(String.format(Locale.ROOT, "V%04d__create_%s.sql", i, table)),
					upgrade, StandardCharsets.UTF_8);
			if (chunked && (i - 1) % PSQL_TRANSACTION_REVISIONS == 0) {
				all.append("BEGIN;\n");
			}
			all.append(upgrade);
			if (chunked && (i % PSQL_TRANSACTION_REVISIONS == 0 || i == count)) {
				all.append("COMMIT;\n");
			}
			parent = id;
		}
		Files.writeString(fixtures.concatenated, all.toString(), StandardCharsets.UTF_8);
		return fixtures;
	}

	/** Twelve hex digits, spread so that ids do not share long prefixes, as random ids would not. */
	static String revisionId(int i) {
		long mixed = (i * 0x9E3779B97F4A7C15L) >>> 16;
		return String.format(Locale.ROOT, "%012x", mixed & 0xFFFF_FFFF_FFFFL);
	}

}
