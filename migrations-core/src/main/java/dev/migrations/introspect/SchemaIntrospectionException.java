package dev.migrations.introspect;

import dev.migrations.MigrationsException;

/** Reading a schema from the database catalog failed. */
public class SchemaIntrospectionException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	public SchemaIntrospectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
