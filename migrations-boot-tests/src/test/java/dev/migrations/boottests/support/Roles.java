package dev.migrations.boottests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.migrations.test.TestDatabase;

/**
 * PostgreSQL roles created for one test (roles belong to the whole server): unique names, and
 * everything they own or were granted in the test database dropped with them.
 */
public final class Roles implements AutoCloseable {

	private final TestDatabase database;

	private final List<String> created = new ArrayList<>();

	public Roles(TestDatabase database) {
		this.database = database;
	}

	/** Creates a role that can log in with {@code password}; returns its name. */
	public String create(String prefix, String password) {
		String name = prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
		Sql.execute(this.database, "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
		this.created.add(name);
		return name;
	}

	@Override
	public void close() {
		for (String role : this.created) {
			Sql.execute(this.database, "DROP OWNED BY " + role + " CASCADE", "DROP ROLE " + role);
		}
		this.created.clear();
	}

}
