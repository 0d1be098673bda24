package dev.migrations.boottests.app.data;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.revision.JavaRevision;

/**
 * A data migration found through {@code migrations.java-packages}: created reflectively, so a native
 * image needs a hint for it.
 */
public class SeedDemoCustomers implements JavaRevision {

	@Override
	public String revision() {
		return "5b0bda7a0003";
	}

	@Override
	public List<String> downRevisions() {
		return List.of(ShopApplication.ADD_EMAIL);
	}

	@Override
	public String message() {
		return "seed demo customers";
	}

	@Override
	public void upgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO customer (name, email) VALUES ('Demo', 'demo@example.com')");
		}
	}

	@Override
	public void downgrade(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM customer WHERE email = 'demo@example.com'");
		}
	}

}
