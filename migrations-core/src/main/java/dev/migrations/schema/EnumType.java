package dev.migrations.schema;

import java.util.List;

/**
 * A named enum type ({@code CREATE TYPE name AS ENUM (...)}).
 *
 * @param name type name
 * @param values labels in their sort order
 * @param casts the {@code WITH INOUT} casts between this type and others, which go and come with
 * the type (Hibernate creates them for its {@code NAMED_ENUM} types)
 */
public record EnumType(String name, List<String> values, List<EnumCast> casts) {

	public EnumType {
		values = List.copyOf(values);
		casts = List.copyOf(casts);
	}

	/**
	 * A type without casts.
	 * @param name type name
	 * @param values labels in their sort order
	 */
	public EnumType(String name, List<String> values) {
		this(name, values, List.of());
	}

}
