package dev.migrations.boot;

import java.util.List;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * What the startup found when the database was ahead of this code (a newer release upgraded it) and the
 * application started without upgrading: the revisions it does not know, and the newest of its own. Kept in
 * the application's {@link Environment}, which outlives a context that fails to refresh, so that a later
 * failure of the same startup (Hibernate's schema validation missing a column the newer release dropped) is
 * explained by it rather than by an entity changed without a revision.
 *
 * @param unknown the applied revisions this code has no file for, in the order they were applied
 * @param known the newest revisions of this code applied (what a downgrade with the newer release goes back
 * to), empty for base
 * @param modified the revisions of this code changed after they were applied (the startup went on as
 * {@code migrations.validate-checksums=false} allows): what they now say never ran, which may explain a
 * difference as well as the newer release
 */
public record DatabaseAheadOfTheCode(List<String> unknown, List<String> known, List<String> modified) {

	private static final String PROPERTY_SOURCE_NAME = "migrationsDatabaseAheadOfTheCode";

	public DatabaseAheadOfTheCode {
		unknown = List.copyOf(unknown);
		known = List.copyOf(known);
		modified = List.copyOf(modified);
	}

	public DatabaseAheadOfTheCode(List<String> unknown, List<String> known) {
		this(unknown, known, List.of());
	}

	/** What the startup of the application with this environment found, or {@code null} when it was not ahead. */
	public static DatabaseAheadOfTheCode of(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().get(PROPERTY_SOURCE_NAME) instanceof Holder holder) {
			return holder.getSource();
		}
		return null;
	}

	void rememberIn(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			configurable.getPropertySources().remove(PROPERTY_SOURCE_NAME);
			configurable.getPropertySources().addLast(new Holder(this));
		}
	}

	/** A property source of no property: only a place to keep the record for the failure analysis. */
	private static final class Holder extends PropertySource<DatabaseAheadOfTheCode> {

		Holder(DatabaseAheadOfTheCode ahead) {
			super(PROPERTY_SOURCE_NAME, ahead);
		}

		@Override
		public Object getProperty(String name) {
			return null;
		}

	}

}
