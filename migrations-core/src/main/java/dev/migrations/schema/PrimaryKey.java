package dev.migrations.schema;

import java.util.List;

/**
 * @param name constraint name
 * @param columns key columns in key order
 */
public record PrimaryKey(String name, List<String> columns) {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

}
