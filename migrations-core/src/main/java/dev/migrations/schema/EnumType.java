package dev.migrations.schema;

import java.util.List;

/**
 * A named enum type ({@code CREATE TYPE name AS ENUM (...)}).
 *
 * @param name type name
 * @param values labels in their sort order
 */
public record EnumType(String name, List<String> values) {

	public EnumType {
		values = List.copyOf(values);
	}

}
