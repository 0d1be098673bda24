package dev.migrations.entity;

import java.util.Locale;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Physical names the way a Spring Boot application gets them by default: {@code camelCase} and
 * {@code MixedCase} become {@code snake_case}, dots (embedded paths) become underscores, and the
 * result is lower case. Quoted names are kept exactly as written.
 * <p>
 * An underscore goes before an upper-case letter that follows a lower-case letter or a digit and
 * is followed by a lower-case letter or a digit. Runs of capitals therefore stay together:
 * {@code URLValue} gives {@code urlvalue}, {@code someHTTPThing} gives {@code somehttpthing},
 * {@code address2Line} gives {@code address2_line}, {@code homeAddress.zipCode} gives
 * {@code home_address_zip_code}. This is the rule of Hibernate 7's snake-case strategy, which Spring
 * Boot 4 uses by default; it is restated here so that the core module needs no Spring on the
 * class path, and a test pins it against Hibernate's own implementation.
 */
public class SnakeCasePhysicalNamingStrategy implements PhysicalNamingStrategy {

	/** Shared instance; the strategy holds no state. */
	public static final SnakeCasePhysicalNamingStrategy INSTANCE = new SnakeCasePhysicalNamingStrategy();

	@Override
	public Identifier toPhysicalCatalogName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return apply(logicalName);
	}

	@Override
	public Identifier toPhysicalSchemaName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return apply(logicalName);
	}

	@Override
	public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return apply(logicalName);
	}

	@Override
	public Identifier toPhysicalSequenceName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return apply(logicalName);
	}

	@Override
	public Identifier toPhysicalColumnName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return apply(logicalName);
	}

	/**
	 * The physical form of one unquoted logical name.
	 * @param logicalName a logical name such as {@code homeAddress.zipCode}
	 * @return the physical name, such as {@code home_address_zip_code}
	 */
	public static String toSnakeCase(String logicalName) {
		StringBuilder name = new StringBuilder(logicalName.replace('.', '_'));
		// the first and last characters never get an underscore in front of them
		for (int i = 1; i < name.length() - 1; i++) {
			if (startsWord(name.charAt(i - 1), name.charAt(i), name.charAt(i + 1))) {
				name.insert(i, '_');
				i++;
			}
		}
		return name.toString().toLowerCase(Locale.ROOT);
	}

	private static Identifier apply(Identifier name) {
		if (name == null || name.isQuoted()) {
			return name;
		}
		return new Identifier(toSnakeCase(name.getText()), false);
	}

	private static boolean startsWord(char before, char current, char after) {
		return (Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
				&& (Character.isLowerCase(after) || Character.isDigit(after));
	}

}
