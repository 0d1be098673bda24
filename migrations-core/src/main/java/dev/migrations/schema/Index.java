package dev.migrations.schema;

import java.util.List;

/**
 * An index.
 *
 * @param name index name
 * @param elements key elements in order, each a column name or an expression as the database prints
 *        it, followed by options the database prints ({@code DESC}, {@code NULLS FIRST}, an operator
 *        class), e.g. {@code status}, {@code lower((email)::text)}, {@code created_at DESC}
 * @param unique whether the index is unique
 * @param method access method, e.g. {@code btree}, {@code gin}, {@code gist}, {@code hash}
 * @param where the predicate of a partial index as the database prints it, {@code null} when none
 * @param include non-key columns ({@code INCLUDE (...)}), empty when none
 */
public record Index(String name, List<String> elements, boolean unique, String method, String where,
		List<String> include) {

	public Index {
		elements = List.copyOf(elements);
		include = include == null ? List.of() : List.copyOf(include);
	}

}
