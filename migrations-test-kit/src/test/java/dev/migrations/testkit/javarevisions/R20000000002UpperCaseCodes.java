package dev.migrations.testkit.javarevisions;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import dev.migrations.revision.JavaRevision;

/** A data migration between two SQL revisions of {@code revisions/java-parent}. */
public class R20000000002UpperCaseCodes implements JavaRevision {

	@Override
	public String revision() {
		return "r20000000002";
	}

	@Override
	public List<String> downRevisions() {
		return List.of("r20000000001");
	}

	@Override
	public String message() {
		return "upper-case codes";
	}

	@Override
	public void upgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("UPDATE deal SET code = upper(code)");
		}
	}

	@Override
	public void downgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("UPDATE deal SET code = lower(code)");
		}
	}

}
