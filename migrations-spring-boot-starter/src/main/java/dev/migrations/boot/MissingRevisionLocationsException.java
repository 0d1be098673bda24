package dev.migrations.boot;

import java.util.List;

import dev.migrations.MigrationsException;

/** Configured revision locations that do not exist, found before the startup upgrade. */
public class MissingRevisionLocationsException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> locations;

	public MissingRevisionLocationsException(List<String> locations) {
		super("Revision location" + ((locations.size() == 1) ? " " : "s ") + String.join(", ", locations)
				+ ((locations.size() == 1) ? " does" : " do") + " not exist: create "
				+ ((locations.size() == 1) ? "it" : "them") + " (`db init` creates "
				+ "src/main/resources/db/revisions), point migrations.locations at your revisions, or set"
				+ " migrations.fail-on-missing-locations=false to start without revisions");
		this.locations = List.copyOf(locations);
	}

	/** The missing locations, after {@code {vendor}} substitution. */
	public List<String> locations() {
		return this.locations;
	}

}
