package dev.migrations;

import java.util.function.BiFunction;

import javax.sql.DataSource;

/**
 * Loaded by {@link StartupClassesTest}'s own class loader with the classes of migrations: loads the revisions
 * with a data source (reading the files while connecting), and returns the no-op upgrade that follows, to run
 * apart.
 */
public final class StartupClassesProbe implements BiFunction<DataSource, String, Runnable> {

	@Override
	public Runnable apply(DataSource dataSource, String location) {
		Migrations migrations = Migrations.configure().dataSource(dataSource).locations(location).load();
		return new Runnable() {

			@Override
			public void run() {
				int steps = migrations.upgrade("head").steps().size();
				if (steps != 0) {
					throw new IllegalStateException(steps + " revisions applied by what should be a no-op upgrade");
				}
			}

		};
	}

}
