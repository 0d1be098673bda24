package dev.migrations.render;

import static dev.migrations.diff.TestTables.column;
import static dev.migrations.diff.TestTables.enumType;
import static dev.migrations.diff.TestTables.foreignKey;
import static dev.migrations.diff.TestTables.identity;
import static dev.migrations.diff.TestTables.index;
import static dev.migrations.diff.TestTables.schema;
import static dev.migrations.diff.TestTables.sequence;
import static dev.migrations.diff.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.diff.Operation;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.CreateEnumType;
import dev.migrations.diff.Operation.CreateSequence;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.diff.SchemaDiffer;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Table;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class RevisionPartsTest {

	private final PostgresRenderer renderer = new PostgresRenderer();

	// t1 uses an enum type and a stand-alone sequence; t4 references t6, which comes after it; t3 references itself
	private final List<Operation> operations = new SchemaDiffer().diff(schema(), schema(List.of(
			table("t1").columns(identity("id", "bigint"), column("mood", "mood"),
					column("ticket", "bigint", true, "nextval('ticket_seq'::regclass)")).primaryKey("t1_pkey", "id").build(),
			withParent("t2", "t1"),
			table("t3").columns(identity("id", "bigint"), column("parent_id", "bigint"), column("t2_id", "bigint"))
				.primaryKey("t3_pkey", "id")
				.foreignKey(foreignKey("fk_t3_parent", "parent_id", "t3", "id"))
				.foreignKey(foreignKey("fk_t3_t2", "t2_id", "t2", "id"))
				.build(),
			withParent("t4", "t6"),
			table("t5").columns(identity("id", "bigint"), column("code", "text")).primaryKey("t5_pkey", "id")
				.index(index("ix_t5_code", "code")).build(),
			withParent("t6", "t1")), List.of(sequence("ticket_seq", 1)), List.of(enumType("mood", "happy", "sad"))));

	private static Table withParent(String name, String parent) {
		return table(name).columns(identity("id", "bigint"), column("parent_id", "bigint"))
			.primaryKey(name + "_pkey", "id")
			.foreignKey(foreignKey("fk_" + name + "_" + parent, "parent_id", parent, "id"))
			.build();
	}

	@Test
	void aChangeThatFitsIsOnePartInTheDiffersOrder() {
		assertThat(RevisionParts.split(this.operations, 1000)).containsExactly(this.operations);
	}

	@Test
	void typesAndSequencesComeFirstAndEachForeignKeyWithTheLaterOfItsTables() {
		// about two tables a part
		List<List<Operation>> parts = RevisionParts.split(this.operations, 22);

		assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
		assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(this.operations);
		assertThat(parts.get(0).subList(0, 2)).hasExactlyElementsOfTypes(CreateEnumType.class, CreateSequence.class);
		for (List<Operation> part : parts) {
			assertThat(RevisionParts.weight(this.renderer.render(part))).isLessThanOrEqualTo(22);
		}
		assertThat(partOf(parts, "t4", true)).isEqualTo(partOf(parts, "t6", false));
		for (Operation operation : this.operations) {
			if (operation instanceof AddForeignKey add) {
				int part = partOf(parts, add.table() + "." + add.foreignKey().name(), true);
				assertThat(part).as(operation.describe())
					.isEqualTo(Math.max(partOf(parts, add.table(), false), partOf(parts, add.foreignKey().referencedTable(), false)));
			}
		}
	}

	@Test
	void thePartsRunOneTransactionEachAndEachDowngradeUndoesItsOwnPart() throws SQLException {
		List<List<Operation>> parts = RevisionParts.split(this.operations, 22);
		List<List<RenderedStatement>> upgrades = this.renderer.renderParts(parts);
		List<List<RenderedStatement>> downgrades = this.renderer.renderDowngradeParts(parts);
		// together the statements of the whole list: the sequence is t1's default, not a serial column's to create
		assertThat(upgrades.stream().flatMap(List::stream).toList())
			.isEqualTo(this.renderer.render(parts.stream().flatMap(List::stream).toList()));
		List<RenderedStatement> downgradeInOrder = new ArrayList<>();
		for (int i = downgrades.size() - 1; i >= 0; i--) {
			downgradeInOrder.addAll(downgrades.get(i));
		}
		assertThat(downgradeInOrder).isEqualTo(this.renderer.renderDowngrade(parts.stream().flatMap(List::stream).toList()));

		try (TestDatabase database = TestDatabases.postgres(); Connection connection = database.connection()) {
			connection.setAutoCommit(false);
			for (List<RenderedStatement> upgrade : upgrades) {
				run(connection, upgrade);
			}
			assertThat(count(connection, "select count(*) from pg_tables where schemaname = 'public'")).isEqualTo(6);
			assertThat(count(connection, "select count(*) from pg_constraint where contype = 'f'")).isEqualTo(5);
			int last = parts.size() - 1;
			run(connection, downgrades.get(last));
			assertThat(count(connection, "select count(*) from pg_tables where schemaname = 'public'"))
				.isEqualTo(6 - parts.get(last).stream().filter(CreateTable.class::isInstance).count());
			for (int i = last - 1; i >= 0; i--) {
				run(connection, downgrades.get(i));
			}
			assertThat(count(connection, "select count(*) from pg_class where relnamespace = 'public'::regnamespace"))
				.isZero();
			assertThat(count(connection, "select count(*) from pg_type where typname = 'mood'")).isZero();
		}
	}

	@Test
	void theOnlineFormCutsAHeavyChangeStepAlikeEachPartWithItsLockTimeout() {
		// 120 tables of weight 10 each, and a foreign key each to the one before: over the weight at which the budget is read
		List<Table> tables = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			tables.add((i == 1) ? table("t1").columns(identity("id", "bigint")).primaryKey("t1_pkey", "id").build()
					: withParent("t" + i, "t" + (i - 1)));
		}
		List<Operation> creations = new SchemaDiffer().diff(schema(), schema(tables, List.of(), List.of()));

		List<OnlineForm.Step> steps = new OnlineForm(null, () -> 500).steps(creations);

		assertThat(steps).extracting(OnlineForm.Step::messageSuffix)
			.containsExactly(" (part 1 of 3)", " (part 2 of 3)", " (part 3 of 3)");
		for (OnlineForm.Step step : steps) {
			assertThat(step.transactional()).isTrue();
			assertThat(step.upgrade().get(0).sql()).isEqualTo("SET LOCAL lock_timeout = '5s'");
			assertThat(step.downgrade().get(0).sql()).isEqualTo("SET LOCAL lock_timeout = '5s'");
			assertThat(RevisionParts.weight(step.upgrade())).isLessThanOrEqualTo(500);
		}
		assertThat(new OnlineForm(null, () -> 2000).steps(creations)).extracting(OnlineForm.Step::messageSuffix)
			.containsExactly("");
	}

	// the part of a table's creation, or of a foreign key "table.name"
	private static int partOf(List<List<Operation>> parts, String name, boolean foreignKey) {
		for (int i = 0; i < parts.size(); i++) {
			for (Operation operation : parts.get(i)) {
				if (!foreignKey && operation instanceof CreateTable create && create.table().name().equals(name)) {
					return i;
				}
				if (foreignKey && operation instanceof AddForeignKey add
						&& (add.table().equals(name) || (add.table() + "." + add.foreignKey().name()).equals(name))) {
					return i;
				}
			}
		}
		throw new AssertionError("not in any part: " + name);
	}

	private static void run(Connection connection, List<RenderedStatement> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (RenderedStatement rendered : statements) {
				statement.execute(rendered.sql());
			}
		}
		connection.commit();
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
