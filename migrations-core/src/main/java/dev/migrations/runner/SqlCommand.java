package dev.migrations.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement with parameters: executed as a prepared statement online, written with literals in an
 * offline script.
 */
record SqlCommand(String sql, List<Object> parameters) {

	/** SQL written as is in place of a parameter: an expression the database evaluates when the statement runs. */
	record Expression(String sql) {
	}

	SqlCommand {
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
	}

	static SqlCommand of(String sql, Object... parameters) {
		List<Object> list = new ArrayList<>(parameters.length);
		Collections.addAll(list, parameters);
		return new SqlCommand(sql, list);
	}

}
