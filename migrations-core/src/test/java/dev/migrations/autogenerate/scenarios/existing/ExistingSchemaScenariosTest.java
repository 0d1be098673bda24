package dev.migrations.autogenerate.scenarios.existing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.diff.Difference;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.downgradeSection;
import static dev.migrations.autogenerate.ScenarioRunner.read;
import static dev.migrations.autogenerate.ScenarioRunner.upgradeSection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Autogenerate against schemas that Hibernate did not create: written by hand, for another
 * database first, or built by Liquibase. What such schemas hold must convert without losing rows,
 * and what is only spelled differently must not be a difference.
 */
@ExtendWith(TestDatabaseExtension.class)
class ExistingSchemaScenariosTest {

	private static final List<Class<?>> LOOKUP_V1 = List.of(dev.migrations.autogenerate.scenarios.existing.lookupindex.v1.Customer.class,
			dev.migrations.autogenerate.scenarios.existing.lookupindex.v1.PurchaseOrder.class);

	private static final List<Class<?>> LOOKUP_V2 = List.of(dev.migrations.autogenerate.scenarios.existing.lookupindex.v2.Customer.class,
			dev.migrations.autogenerate.scenarios.existing.lookupindex.v2.PurchaseOrder.class);

	@TempDir
	Path directory;

	/** A {@code bit(1)} flag becomes a boolean through integer: PostgreSQL has no cast between them. */
	@Test
	void bitFlagsBecomeBooleansAndBackWithTheirValues(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.existing.bitflag.v1.Feature.class)
			.v2(dev.migrations.autogenerate.scenarios.existing.bitflag.v2.Feature.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into feature (id, name, enabled, archived) values"
					+ " (1, 'on', B'1', B'0'), (2, 'off', B'0', B'1'), (3, 'unset', null, B'0')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains(
						"ALTER TABLE feature ALTER COLUMN archived TYPE boolean USING archived::integer::boolean;\n",
						"ALTER TABLE feature ALTER COLUMN enabled TYPE boolean USING enabled::integer::boolean;\n")
					.doesNotContain("WARNING");
				assertThat(downgradeSection(text)).contains(
						"ALTER TABLE feature ALTER COLUMN archived TYPE bit(1) USING archived::integer::bit(1);\n",
						"ALTER TABLE feature ALTER COLUMN enabled TYPE bit(1) USING enabled::integer::bit(1);\n")
					.doesNotContain("WARNING");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select name || ' ' || coalesce(enabled::text, 'null') || ' '"
					+ " || archived from feature order by id"))
				.containsExactly("on true false", "off false true", "unset null false"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select name || ' ' || coalesce(enabled::text, 'null') || ' '"
					+ " || archived::text || ' ' || pg_typeof(enabled) from feature order by id"))
				.containsExactly("on 1 0 bit", "off 0 1 bit", "unset null 0 bit"))
			.run(db);
	}

	/**
	 * {@code @Lob} moves text and bytes into large objects and the downgrade moves them back into
	 * the row, each with its content (read here through the JDBC driver, as Hibernate reads a
	 * {@code Clob}); the downgrade unlinks the large objects it emptied.
	 */
	@Test
	void textAndBytesBecomeLargeObjectsAndBackWithTheirContent(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.existing.lobtext.v1.Article.class)
			.v2(dev.migrations.autogenerate.scenarios.existing.lobtext.v2.Article.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into article (id, title, body, attachment) values"
					+ " (1, 'first', 'Grüße, 世界 — ok', '\\x00ff10'::bytea), (2, 'empty', '', ''::bytea),"
					+ " (3, 'none', null, null)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("ALTER TABLE article ALTER COLUMN body TYPE oid"
						+ " USING lo_from_bytea(0, convert_to(body, 'UTF8'));\n")
					.contains("ALTER TABLE article ALTER COLUMN attachment TYPE oid USING lo_from_bytea(0, attachment);\n")
					.contains("-- WARNING: article.body is stored as oid, a PostgreSQL large object")
					.contains("-- WARNING: converts article.body from text to oid with USING lo_from_bytea(0,"
							+ " convert_to(body, 'UTF8')): each value becomes a new large object holding its UTF-8 text");
				String downgrade = downgradeSection(text);
				assertThat(downgrade).contains("-- WARNING: converts article.body from oid to text with USING"
						+ " convert_from(lo_get(body), 'UTF8'): each large object's content is read as UTF-8 text and the"
						+ " large objects are unlinked afterwards")
					.contains("""
							CREATE TEMPORARY TABLE migrations_lo_article_body AS SELECT DISTINCT body AS lo FROM article WHERE body IS NOT NULL;
							ALTER TABLE article ALTER COLUMN body TYPE text USING convert_from(lo_get(body), 'UTF8');
							SELECT lo_unlink(lo) FROM pg_temp.migrations_lo_article_body;
							DROP TABLE pg_temp.migrations_lo_article_body;
							""")
					.contains("ALTER TABLE article ALTER COLUMN attachment TYPE bytea USING lo_get(attachment);\n");
			})
			.afterV2((ds) -> {
				assertThat(clobs(ds, "select body from article order by id")).containsExactly("Grüße, 世界 — ok", "", null);
				assertThat(Sql.column(ds, "select lo_get(attachment)::text from article order by id"))
					.containsExactly("\\x00ff10", "\\x", null);
				assertThat(Sql.column(ds, "select count(*) from pg_largeobject_metadata")).containsExactly("4");
			})
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select body from article order by id")).containsExactly("Grüße, 世界 — ok", "", null);
				assertThat(Sql.column(ds, "select attachment::text from article order by id"))
					.containsExactly("\\x00ff10", "\\x", null);
				assertThat(Sql.column(ds, "select count(*) from pg_largeobject_metadata")).as("large objects left behind")
					.containsExactly("0");
			})
			.run(db);
	}

	/**
	 * Dropping an oid column, or a table with one, unlinks its large objects first: PostgreSQL deletes
	 * neither with the column nor with the rows, and nothing refers to them afterwards.
	 */
	@Test
	void droppingLargeObjectColumnsUnlinksTheirLargeObjects(TestDatabase db) {
		new ScenarioRunner(this.directory)
			.v1(dev.migrations.autogenerate.scenarios.existing.lobdrop.v1.Document.class,
					dev.migrations.autogenerate.scenarios.existing.lobdrop.v1.Thumbnail.class)
			.v2(dev.migrations.autogenerate.scenarios.existing.lobdrop.v2.Document.class)
			.afterV1((ds) -> {
				ScenarioRunner.execute(ds, "insert into document (id, title, scan) values (1, 'a', lo_from_bytea(0,"
						+ " '\\x01'::bytea)), (2, 'b', lo_from_bytea(0, '\\x02'::bytea)), (3, 'c', null)");
				ScenarioRunner.execute(ds, "insert into thumbnail (id, image) values (1, lo_from_bytea(0,"
						+ " '\\x03'::bytea)), (2, lo_from_bytea(0, '\\x04'::bytea))");
				assertThat(Sql.column(ds, "select count(*) from pg_largeobject_metadata")).containsExactly("4");
			})
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("SELECT lo_unlink(lo) FROM (SELECT DISTINCT scan AS lo FROM document WHERE"
						+ " scan IS NOT NULL) AS large_objects;\n"
						+ "-- WARNING: drops column document.scan and its data, after unlinking the large objects it"
						+ " refers to")
					.contains("SELECT lo_unlink(lo) FROM (SELECT DISTINCT image AS lo FROM thumbnail WHERE"
						+ " image IS NOT NULL) AS large_objects;\n"
						+ "-- WARNING: drops table thumbnail and every row in it, after unlinking the large objects"
						+ " its oid column image refers to");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select count(*) from pg_largeobject_metadata"))
				.as("large objects left behind").containsExactly("0"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select title from document order by id"))
				.containsExactly("a", "b", "c"))
			.run(db);
	}

	/**
	 * Indexes the entities do not declare, kept with {@code ignoreExtraIndexes}: not a difference,
	 * not dropped. One on a column the entities give up goes with the column (with a warning) and
	 * comes back with it on downgrade.
	 */
	@Test
	void handWrittenIndexesAreKeptWhenExtraIndexesAreIgnored(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory).configureMigrations((c) -> c.ignoreExtraIndexes(true));
		runner.v1(LOOKUP_V1.toArray(Class<?>[]::new))
			.v2(LOOKUP_V2.toArray(Class<?>[]::new))
			.afterV1((ds) -> {
				addHandWrittenIndexes(runner, ds, LOOKUP_V1);
				assertThat(runner.migrations(ds, LOOKUP_V1).check()).as("extra indexes ignored").isEmpty();
			})
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("DROP INDEX IF EXISTS ix_purchase_order_reference;")
					.contains("-- WARNING: drops index ix_purchase_order_reference on purchase_order (reference)")
					.doesNotContain("ix_purchase_order_customer");
				assertThat(downgradeSection(text))
					.contains("CREATE INDEX IF NOT EXISTS ix_purchase_order_reference ON purchase_order (reference);")
					.doesNotContain("ix_purchase_order_customer");
			})
			.afterV2((ds) -> {
				assertThat(indexes(ds)).containsExactly("ix_purchase_order_customer", "purchase_order_pkey");
				assertThat(Sql.column(ds, "select id || ' ' || customer_id from purchase_order order by id"))
					.containsExactly("1 10", "2 10", "3 20");
			})
			.afterDowngrade((ds) -> {
				assertThat(indexes(ds)).containsExactly("ix_purchase_order_customer", "ix_purchase_order_reference",
						"purchase_order_pkey");
				assertThat(Sql.column(ds, "select id || ' ' || customer_id from purchase_order order by id"))
					.containsExactly("1 10", "2 10", "3 20");
			})
			.run(db);
	}

	/**
	 * By default an index the entities do not declare is a difference and dropped, with a warning
	 * that says what a dropped index can cost; the downgrade creates it again.
	 */
	@Test
	void handWrittenIndexesAreDroppedWithAWarningByDefault(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		Migrations first = runner.migrations(db.dataSource(), LOOKUP_V1);
		first.migrate("v1");
		first.upgrade("head");
		addHandWrittenIndexes(runner, db.dataSource(), LOOKUP_V1);
		assertThat(first.check()).extracting(Difference::kind, Difference::object).containsExactlyInAnyOrder(
				tuple("INDEX_EXTRA", "purchase_order(customer_id)"), tuple("INDEX_EXTRA", "purchase_order(reference)"));

		Migrations second = runner.migrations(db.dataSource(), LOOKUP_V2);
		MigrateResult result = second.migrate("v2");
		String text = read(result.file());
		assertThat(upgradeSection(text)).contains("""
				-- WARNING: drops index ix_purchase_order_customer on purchase_order (customer_id): queries that use it may \
				become slow; if it was made by hand on purpose, declare it with @Index, or keep indexes the entities do not \
				declare with migrations.drift.ignore-extra-indexes=true
				DROP INDEX IF EXISTS ix_purchase_order_customer;
				""");
		assertThat(result.warnings()).anyMatch((warning) -> warning.startsWith("drops index ix_purchase_order_customer"));
		second.upgrade("head");
		assertThat(second.check()).isEmpty();
		assertThat(indexes(db.dataSource())).containsExactly("purchase_order_pkey");
		assertThat(Sql.column(db.dataSource(), "select id || ' ' || customer_id from purchase_order order by id"))
			.containsExactly("1 10", "2 10", "3 20");

		second.downgrade("-1");
		assertThat(indexes(db.dataSource())).containsExactly("ix_purchase_order_customer", "ix_purchase_order_reference",
				"purchase_order_pkey");
		assertThat(Sql.column(db.dataSource(), "select id || ' ' || customer_id from purchase_order order by id"))
			.containsExactly("1 10", "2 10", "3 20");
	}

	/** {@code timestamp} is {@code timestamp(6)} to PostgreSQL, and so for time, timestamptz and timetz. */
	@Test
	void temporalTypesWithoutTheirDefaultPrecisionAreInSync(TestDatabase db) {
		ScenarioRunner.execute(db.dataSource(), """
				CREATE TABLE shift (
					id bigint PRIMARY KEY,
					starts_at timestamp NOT NULL,
					opens_at time,
					confirmed_at timestamptz,
					created_at timestamp with time zone,
					closes_at timetz
				)""", "INSERT INTO shift (id, starts_at) VALUES (1, '2024-01-02 03:04:05.123456')");
		Migrations migrations = new ScenarioRunner(this.directory).migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.existing.temporalspelling.v1.Shift.class));
		assertThat(migrations.check()).extracting(Difference::kind, Difference::object)
			.containsExactly(tuple("COLUMN_NULLABLE", "shift.starts_at"));
		MigrateResult result = migrations.migrate("starts_at may be null");
		assertThat(upgradeSection(read(result.file()))).isEqualTo("ALTER TABLE shift ALTER COLUMN starts_at DROP NOT NULL;\n");
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
	}

	/**
	 * A {@code bigserial} key becomes an identity: the serial's own sequence goes (or it would stay
	 * owned by the column, and {@code pg_get_serial_sequence} would move it instead of the identity's),
	 * the identity starts past the rows, and the downgrade makes the column serial again, its sequence
	 * past the rows too.
	 */
	@Test
	void aSerialKeyBecomesAnIdentityPastTheRowsAndBack(TestDatabase db) {
		DataSource dataSource = db.dataSource();
		ScenarioRunner.execute(dataSource, "CREATE TABLE customer (id bigserial PRIMARY KEY, name varchar(255))",
				"INSERT INTO customer (name) VALUES ('ann'), ('bob')");
		Migrations migrations = new ScenarioRunner(this.directory).migrations(dataSource,
				List.of(dev.migrations.autogenerate.scenarios.existing.serialidentity.v1.Customer.class));
		MigrateResult result = migrations.migrate("identity");
		String revision = read(result.file());
		assertThat(upgradeSection(revision)).isEqualTo("""
				ALTER TABLE customer ALTER COLUMN id DROP DEFAULT;
				DROP SEQUENCE IF EXISTS customer_id_seq;
				ALTER TABLE customer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
				SELECT setval(pg_get_serial_sequence('customer', 'id'), max(id)) FROM customer;
				""");
		assertThat(downgradeSection(revision)).isEqualTo("""
				ALTER TABLE customer ALTER COLUMN id DROP IDENTITY IF EXISTS;
				CREATE SEQUENCE IF NOT EXISTS customer_id_seq;
				ALTER TABLE customer ALTER COLUMN id SET DEFAULT nextval('customer_id_seq'::regclass);
				ALTER SEQUENCE customer_id_seq OWNED BY customer.id;
				SELECT setval(pg_get_serial_sequence('customer', 'id'), max(id)) FROM customer;
				""");
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
		ScenarioRunner.execute(dataSource, "INSERT INTO customer (name) VALUES ('carl')");
		assertThat(Sql.column(dataSource, "select id || ' ' || name from customer order by id"))
			.containsExactly("1 ann", "2 bob", "3 carl");
		assertThat(Sql.column(dataSource, "select relname from pg_class where relkind = 'S' and relname like 'customer%' order by 1"))
			.as("the serial's sequence is gone, the identity's took its name").containsExactly("customer_id_seq");

		migrations.downgrade("-1");
		ScenarioRunner.execute(dataSource, "INSERT INTO customer (name) VALUES ('dora')");
		assertThat(Sql.column(dataSource, "select id || ' ' || name from customer order by id"))
			.containsExactly("1 ann", "2 bob", "3 carl", "4 dora");
		assertThat(Sql.column(dataSource, "select is_identity || ' ' || column_default from information_schema.columns"
				+ " where table_name = 'customer' and column_name = 'id'"))
			.containsExactly("NO nextval('customer_id_seq'::regclass)");
		assertThat(Sql.column(dataSource, "select pg_get_serial_sequence('customer', 'id')"))
			.containsExactly("public.customer_id_seq");
	}

	/**
	 * Index names are unique in a schema: an index declared under the name of another table's (made
	 * by hand, kept with ignoreExtraIndexes) is
	 * not written with IF NOT EXISTS (which would create nothing) nor dropped with IF EXISTS (which
	 * would drop the other table's); the upgrade fails, and a warning names both tables.
	 */
	@Test
	void anIndexNamedLikeAnotherTablesIndexFailsLoudlyAndItsDowngradeSparesTheOther(TestDatabase db) {
		DataSource dataSource = db.dataSource();
		ScenarioRunner.execute(dataSource, "CREATE TABLE purchase_order (id bigint PRIMARY KEY, placed date)",
				"CREATE INDEX ix_order_placed ON purchase_order (placed)",
				"CREATE TABLE ticket (id bigint PRIMARY KEY, title varchar(255))");
		Migrations migrations = new ScenarioRunner(this.directory).configureMigrations((c) -> c.ignoreExtraIndexes(true))
			.migrations(dataSource, List.of(dev.migrations.autogenerate.scenarios.existing.takenindexname.v1.PurchaseOrder.class,
						dev.migrations.autogenerate.scenarios.existing.takenindexname.v1.Ticket.class));
		MigrateResult result = migrations.migrate("ticket index");
		String revision = read(result.file());
		assertThat(upgradeSection(revision)).contains("CREATE INDEX ix_order_placed ON ticket (title);\n")
			.doesNotContain("IF NOT EXISTS");
		assertThat(downgradeSection(revision)).contains("DROP INDEX ix_order_placed;\n").doesNotContain("IF EXISTS");
		assertThat(result.warnings()).anySatisfy((warning) -> assertThat(warning).contains("ix_order_placed")
			.contains("table ticket")
			.contains("an index of purchase_order"));
		assertThatThrownBy(() -> migrations.upgrade("head")).hasStackTraceContaining("already exists");
		assertThat(Sql.column(dataSource, "select tablename || ' ' || indexname from pg_indexes where indexname"
				+ " = 'ix_order_placed'")).containsExactly("purchase_order ix_order_placed");
	}

	/** Liquibase started the sequence at 1050; where an existing sequence starts is not drift. */
	@Test
	void theStartOfAnExistingSequenceIsNoDifference(TestDatabase db) {
		ScenarioRunner.execute(db.dataSource(), "CREATE SEQUENCE sequence_generator START WITH 1050 INCREMENT BY 50",
				"SELECT nextval('sequence_generator')",
				"CREATE TABLE invoice (id bigint PRIMARY KEY, number varchar(255))");
		Migrations migrations = new ScenarioRunner(this.directory).migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.existing.sequencestart.v1.Invoice.class));
		assertThat(migrations.check()).isEmpty();
		assertThat(migrations.migrate("nothing").written()).isFalse();
	}

	/** The {@code @Lob} warning stands where a large-object column is created, not in every later revision. */
	@Test
	void theLargeObjectWarningIsWrittenWhereTheColumnIsCreatedOnly(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		runner.v1(dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v1.Note.class,
				dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v1.Tag.class)
			.v2(dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v2.Note.class,
					dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v2.Tag.class)
			.revision((text) -> assertThat(text).contains("ALTER TABLE tag ADD COLUMN IF NOT EXISTS color")
				.doesNotContain("oid"))
			.run(db);
		String first = read(firstRevision());
		assertThat(first).contains("""
				-- WARNING: note.body is stored as oid, a PostgreSQL large object (what @Lob does to a String or byte[] \
				there): the content lives outside the row and is not deleted with it. Use @JdbcTypeCode(SqlTypes.LONG32VARCHAR) \
				for text or SqlTypes.LONG32VARBINARY for bytea, unless large objects are intended.
				CREATE TABLE IF NOT EXISTS note (""");
	}

	/** A table left out of the comparison is not warned about either. */
	@Test
	void anExcludedTableGetsNoLargeObjectWarning(TestDatabase db) {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory)
			.entities(EntitySource.of(dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v1.Note.class,
					dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v1.Tag.class))
			.tables(List.of(), List.of("note"))
			.load();
		MigrateResult result = migrations.migrate("tags");
		assertThat(read(result.file())).contains("CREATE TABLE IF NOT EXISTS tag (").doesNotContain("oid");
		assertThat(result.warnings()).isEmpty();
	}

	/**
	 * Liquibase's and Flyway's bookkeeping tables are not the entities' business, in whatever case
	 * they are spelled; a table of that name the entities map is compared like any other.
	 */
	@Test
	void otherMigrationToolsTablesAreLeftAlone(TestDatabase db) {
		ScenarioRunner.execute(db.dataSource(), "CREATE SCHEMA billing", """
				CREATE TABLE billing.databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL,
					filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted integer NOT NULL,
					exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments varchar(255),
					tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255),
					deployment_id varchar(10))""",
				"CREATE TABLE billing.\"DATABASECHANGELOGLOCK\" (id integer PRIMARY KEY, locked boolean NOT NULL,"
						+ " lockgranted timestamp, lockedby varchar(255))",
				"CREATE TABLE billing.flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),"
						+ " description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,"
						+ " checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),"
						+ " execution_time integer NOT NULL, success boolean NOT NULL)",
				"CREATE INDEX flyway_schema_history_s_idx ON billing.flyway_schema_history (success)",
				"CREATE TABLE billing.account (id bigint PRIMARY KEY, email varchar(255))");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).schema("billing")
			.locations("filesystem:" + this.directory).outputDirectory(this.directory)
			.entities(EntitySource.of(dev.migrations.autogenerate.scenarios.existing.tooltables.v1.Account.class))
			.load();
		assertThat(migrations.check()).isEmpty();

		Migrations mapping = Migrations.configure().dataSource(db.dataSource()).schema("billing")
			.locations("filesystem:" + this.directory).outputDirectory(this.directory)
			.entities(EntitySource.of(dev.migrations.autogenerate.scenarios.existing.tooltables.v1.Account.class,
					dev.migrations.autogenerate.scenarios.existing.tooltables.v2.ChangeLog.class))
			.load();
		assertThat(mapping.check()).extracting(Difference::kind, Difference::object)
			.contains(tuple("COLUMN_EXTRA", "databasechangelog.filename"), tuple("PRIMARY_KEY_MISSING", "databasechangelog"))
			.allMatch((difference) -> difference.toString().contains("databasechangelog"));
	}

	// Helpers

	private static void addHandWrittenIndexes(ScenarioRunner runner, DataSource dataSource, List<Class<?>> entities) {
		Migrations migrations = runner.migrations(dataSource, entities);
		migrations.revision("lookup indexes", null, """
				CREATE INDEX ix_purchase_order_customer ON purchase_order (customer_id);
				CREATE INDEX ix_purchase_order_reference ON purchase_order (reference);
				""", """
				DROP INDEX ix_purchase_order_reference;
				DROP INDEX ix_purchase_order_customer;
				""");
		migrations.upgrade("head");
		ScenarioRunner.execute(dataSource, "insert into customer (id, name) values (10, 'ann'), (20, 'bob')",
				"insert into purchase_order (id, reference, customer_id) values (1, 'A-1', 10), (2, 'A-2', 10), (3, 'B-1', 20)");
	}

	private static List<String> indexes(DataSource dataSource) {
		return Sql.column(dataSource, "select indexname from pg_indexes where tablename = 'purchase_order' order by 1");
	}

	/** The first column of each row read as a {@code Clob}, as Hibernate reads a {@code @Lob String}. */
	private static List<String> clobs(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			List<String> values = new ArrayList<>();
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next()) {
					Clob clob = rs.getClob(1);
					values.add((clob != null) ? clob.getSubString(1, (int) clob.length()) : null);
				}
			}
			connection.rollback();
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	private Path firstRevision() {
		try (var files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith("_v1.sql")).findFirst().orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
