package dev.migrations.test;

/**
 * Thrown when no test database can be provided: no server could be reached, or a database could not be
 * created or dropped. The message lists what was tried and how to provide a server.
 * <p>
 * This module cannot depend on the core module (whose tests use it), so this exception does not extend the
 * core's root exception.
 */
public class TestDatabaseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TestDatabaseException(String message) {
		super(message);
	}

	public TestDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
