package dev.migrations.testkit.javabranches;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import dev.migrations.revision.JavaRevision;

/** A data migration after the merge of revisions/branches: an audit table, and notes upper-cased. */
public class E00000000001Audit implements JavaRevision {

	@Override
	public String revision() {
		return "e00000000001";
	}

	@Override
	public List<String> downRevisions() {
		return List.of("d00000000001");
	}

	@Override
	public String message() {
		return "audit table from java";
	}

	@Override
	public void upgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE audit (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz)");
			statement.execute("UPDATE deal SET note = upper(note)");
		}
	}

	@Override
	public void downgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE audit");
		}
	}

}
