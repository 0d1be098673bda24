package dev.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaModelTest {

	@Test
	void findsEachTableOfALargeSchemaByName() {
		List<Table> tables = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			tables.add(table(String.format("t_%04d", i), "a"));
		}
		SchemaModel model = new SchemaModel("public", tables, List.of(), List.of());

		for (Table table : tables) {
			assertThat(model.table(table.name())).containsSame(table);
		}
		assertThat(model.table("t_1000")).isEmpty();
		assertThat(model.table("T_0001")).isEmpty();
	}

	@Test
	void theFirstTableOfANameIsFoundInSmallAndLargeSchemas() {
		for (int size : new int[] { 3, 100 }) {
			List<Table> tables = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				tables.add(table("t_" + i, "a"));
			}
			Table first = table("twice", "first");
			tables.add(1, first);
			tables.add(table("twice", "second"));

			assertThat(new SchemaModel("public", tables, List.of(), List.of()).table("twice")).containsSame(first);
		}
	}

	@Test
	void sequencesAndEnumTypesAreFoundByName() {
		List<Sequence> sequences = new ArrayList<>();
		List<EnumType> types = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			sequences.add(new Sequence("s_" + i, "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false));
			types.add(new EnumType("e_" + i, List.of("A", "B"), List.of()));
		}
		SchemaModel model = new SchemaModel("public", List.of(), sequences, types);

		assertThat(model.sequence("s_42")).containsSame(sequences.get(42));
		assertThat(model.enumType("e_7")).containsSame(types.get(7));
		assertThat(model.sequence("s_50")).isEmpty();
	}

	@Test
	void listsAreImmutableCopiesEqualToPlainLists() {
		List<Table> tables = new ArrayList<>(List.of(table("a", "x"), table("b", "y")));
		SchemaModel model = new SchemaModel("public", tables, List.of(), List.of());
		tables.clear();

		assertThat(model.tables()).hasSize(2).isEqualTo(List.of(table("a", "x"), table("b", "y")));
		assertThat(model).isEqualTo(new SchemaModel("public", List.of(table("a", "x"), table("b", "y")), List.of(),
				List.of()));
		assertThat(model.hashCode()).isEqualTo(new SchemaModel("public", List.of(table("a", "x"), table("b", "y")),
				List.of(), List.of()).hashCode());
		assertThatThrownBy(() -> model.tables().add(table("c", "z"))).isInstanceOf(UnsupportedOperationException.class);
		List<Table> withNull = new ArrayList<>();
		withNull.add(null);
		assertThatThrownBy(() -> new SchemaModel("public", withNull, List.of(), List.of()))
			.isInstanceOf(NullPointerException.class);
	}

	@Test
	void aModelMadeFromAnothersListsFindsTheSameTables() {
		List<Table> tables = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			tables.add(table("t_" + i, "a"));
		}
		SchemaModel model = new SchemaModel("public", tables, List.of(), List.of());
		SchemaModel copy = new SchemaModel("other", model.tables(), model.sequences(), model.enumTypes());

		assertThat(copy.table("t_39")).containsSame(tables.get(39));
		assertThat(copy.tables()).isEqualTo(model.tables());
	}

	private static Table table(String name, String column) {
		return new Table(name, List.of(new Column(column, "integer", true, null, null, null)), null, List.of(), List.of(),
				List.of(), List.of(), null);
	}

}
