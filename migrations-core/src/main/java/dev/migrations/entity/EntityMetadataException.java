package dev.migrations.entity;

import dev.migrations.MigrationsException;

/**
 * The entities could not be read: a class is missing, the configuration is wrong, or Hibernate
 * rejects the mapping (in which case the application itself would not start either).
 */
public class EntityMetadataException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	public EntityMetadataException(String message) {
		super(message);
	}

	public EntityMetadataException(String message, Throwable cause) {
		super(message, cause);
	}

}
