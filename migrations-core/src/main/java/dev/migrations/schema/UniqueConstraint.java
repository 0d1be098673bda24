package dev.migrations.schema;

import java.util.List;

/**
 * @param name constraint name
 * @param columns columns in constraint order
 */
public record UniqueConstraint(String name, List<String> columns) {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

}
