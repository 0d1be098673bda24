package dev.migrations.lint;

import java.util.Locale;

import dev.migrations.dialect.PostgresIdentifiers;

/**
 * A possibly schema-qualified name as the catalog stores it: unquoted parts folded to lower case,
 * quoted parts as written.
 *
 * @param schema the schema, {@code null} when the statement does not qualify the name
 * @param name the object's name
 */
record Name(String schema, String name) {

	/** The name as SQL, quoted where needed. */
	String sql() {
		return PostgresIdentifiers.qualified(this.schema, this.name);
	}

	/** Whether {@code other} names the same object, an unqualified name matching any schema. */
	boolean matches(Name other) {
		return this.name.equals(other.name) && (this.schema == null || other.schema == null || this.schema.equals(other.schema));
	}

	/** The key lint tracks the object under: its name, ignoring the schema (which {@link #matches} checks). */
	String key() {
		return this.name;
	}

	@Override
	public String toString() {
		return sql();
	}

	static Name of(String name) {
		return new Name(null, name.toLowerCase(Locale.ROOT));
	}

}
