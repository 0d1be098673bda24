package dev.migrations.testkit.javaforgotten;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import dev.migrations.revision.JavaRevision;

/** A Java revision whose downgrade forgets the index its upgrade creates. */
public class R30000000002CodeIndex implements JavaRevision {

	@Override
	public String revision() {
		return "r30000000002";
	}

	@Override
	public List<String> downRevisions() {
		return List.of("r30000000001");
	}

	@Override
	public String message() {
		return "code index";
	}

	@Override
	public void upgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE INDEX ix_deal_code ON deal (code)");
		}
	}

	@Override
	public void downgrade(Connection connection) throws Exception {
		// forgets the index
	}

}
