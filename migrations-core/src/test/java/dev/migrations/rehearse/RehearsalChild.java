package dev.migrations.rehearse;

import dev.migrations.Migrations;
import dev.migrations.TestDataSources;

/** A process that rehearses an upgrade on a copy, for a test to stop it half-way: url, user, password, locations. */
public final class RehearsalChild {

	private RehearsalChild() {
	}

	public static void main(String[] args) {
		Migrations migrations = Migrations.configure().dataSource(TestDataSources.driverManager(args[0], args[1], args[2]))
			.locations(args[3]).load();
		System.out.println(migrations.rehearse("head", RehearsalOptions.copy(args[0], args[1], args[2])).toText());
	}

}
