package dev.migrations.autogenerate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.schema.Index;

import static org.assertj.core.api.Assertions.assertThat;

/** Which indexes, as the introspector prints them, no {@code @Index} can declare. */
class UndeclarableIndexTest {

	@Test
	void columnsInEitherOrderWithAPredicateOrIncludedColumnsAreDeclarable() {
		assertThat(Autogenerator.undeclarable(index(List.of("status"), false, "btree", null))).isEmpty();
		assertThat(Autogenerator.undeclarable(index(List.of("kind", "created_at DESC"), false, "btree", "(kind IS NOT NULL)")))
			.isEmpty();
		assertThat(Autogenerator.undeclarable(index(List.of("\"order\"", "\"Mixed\"\"Case\""), true, "btree", null))).isEmpty();
	}

	@Test
	void expressionsOperatorClassesNullsOrderMethodsAndPartialUniqueIndexesAreNot() {
		assertThat(Autogenerator.undeclarable(index(List.of("lower(email::text)"), false, "btree", null)))
			.contains("the key lower(email::text)");
		assertThat(Autogenerator.undeclarable(index(List.of("email varchar_pattern_ops"), false, "btree", null)))
			.contains("the key email varchar_pattern_ops");
		assertThat(Autogenerator.undeclarable(index(List.of("created_at NULLS FIRST"), false, "btree", null)))
			.contains("the key created_at NULLS FIRST");
		assertThat(Autogenerator.undeclarable(index(List.of("tags"), false, "gin", null))).contains("the gin method");
		assertThat(Autogenerator.undeclarable(index(List.of("email"), true, "btree", "(deleted_at IS NULL)")))
			.contains("a partial unique index (where (deleted_at IS NULL))");
	}

	private static Index index(List<String> elements, boolean unique, String method, String where) {
		return new Index("ix", elements, unique, method, where, List.of());
	}

}
