package dev.migrations.boot;

import dev.migrations.Migrations;

/**
 * What the application does to its database on startup, in place of the default upgrade to
 * {@code migrations.target}. Declare a bean of this type to, for example, reset a scratch database:
 * <pre>
 * &#64;Bean
 * MigrationStrategy resetThenUpgrade() {
 *     return (migrations, target) -&gt; {
 *         migrations.downgrade("base");
 *         migrations.upgrade(target);
 *     };
 * }
 * </pre>
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Brings the database to where the application needs it.
	 * @param migrations the configured facade
	 * @param target the value of {@code migrations.target}
	 */
	void migrate(Migrations migrations, String target);

}
