package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.migrations.Migrations;
import dev.migrations.rehearse.RehearsalOptions;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * How {@code db rehearse} reaches the database it copies, from a process that has connections of its own
 * to it.
 * <ul>
 * <li>PostgreSQL copies a database ({@code CREATE DATABASE ... TEMPLATE}) only while no other session is
 * connected to it, and a connection pool keeps the sessions it opened (Hikari keeps {@code minimumIdle} of
 * them, by default as many as its maximum). A process in command mode runs nothing but the command, so
 * right before the copy (once the rehearsal has read what it needs from the data source) the idle
 * connections of its Hikari pools are closed, and none is opened again until the rehearsal ends: the pool's
 * minimum of idle connections is 0 meanwhile, then set back. The application's pools in the interactive
 * shell serve the application and are left alone.</li>
 * <li>The copy is made with the login of the data source migrations use, password included (read from the
 * pool or driver the way Spring Boot derives one data source from another), so that it works on a server
 * that asks for a password. When the login cannot be read, the database's URL and user are taken from a
 * connection, without a password.</li>
 * </ul>
 */
final class RehearsalConnections {

	/** For the interactive shell: no pool is touched. */
	static final RehearsalConnections APPLICATION_POOLS_KEPT = new RehearsalConnections((migrations) -> List.of());

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			RehearsalConnections.class.getClassLoader());

	private final Function<Migrations, List<DataSource>> ownPools;

	/**
	 * @param ownPools the data sources of this process whose idle connections may be closed for the copy,
	 * given the {@code Migrations} rehearsed
	 */
	RehearsalConnections(Function<Migrations, List<DataSource>> ownPools) {
		this.ownPools = ownPools;
	}

	/** For command mode: the data source migrations use and the given ones (the application's). */
	static RehearsalConnections commandMode(Function<Migrations, List<DataSource>> applicationDataSources) {
		return new RehearsalConnections((migrations) -> {
			List<DataSource> pools = new ArrayList<>();
			if (migrations.dataSource() != null) {
				pools.add(migrations.dataSource());
			}
			pools.addAll(applicationDataSources.apply(migrations));
			return pools;
		});
	}

	/**
	 * A rehearsal on a copy made with the login of the data source migrations use (else with what a
	 * connection tells), releasing this process's own pools right before the copy.
	 */
	RehearsalOptions copy(Migrations migrations) {
		return login(migrations).releasing(() -> releaseIdle(migrations));
	}

	private static RehearsalOptions login(Migrations migrations) {
		DataSource dataSource = migrations.dataSource();
		while (dataSource instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			dataSource = delegating.getTargetDataSource();
		}
		if (dataSource == null) {
			return RehearsalOptions.copy();
		}
		SimpleDriverDataSource login;
		try {
			login = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).build();
		}
		catch (RuntimeException ex) {
			// a data source whose URL cannot be read (e.g. one built from a driver's DataSource class)
			return RehearsalOptions.copy();
		}
		if (!StringUtils.hasText(login.getUrl()) || !login.getUrl().startsWith("jdbc:postgresql:")) {
			return RehearsalOptions.copy();
		}
		return RehearsalOptions.copy(login.getUrl(), login.getUsername(), login.getPassword());
	}

	/**
	 * Closes the idle connections of this process's own pools and keeps them from opening new ones.
	 * @return what sets the pools back, to run once when the rehearsal is over
	 */
	Runnable releaseIdle(Migrations migrations) {
		List<DataSource> pools = this.ownPools.apply(migrations);
		if (pools.isEmpty() || !HIKARI_PRESENT) {
			return () -> {
			};
		}
		return HikariPools.release(pools);
	}

	/** Kept apart so that nothing of Hikari loads where it is absent. */
	private static final class HikariPools {

		static Runnable release(List<DataSource> dataSources) {
			Set<HikariDataSource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
			List<Runnable> restore = new ArrayList<>();
			for (DataSource dataSource : dataSources) {
				HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class,
						HikariDataSource.class);
				if (pool == null || !seen.add(pool) || !pool.isRunning()) {
					continue;
				}
				HikariPoolMXBean connections = pool.getHikariPoolMXBean();
				if (connections == null) {
					continue;
				}
				int minimumIdle = pool.getMinimumIdle();
				// with no minimum, the pool opens a connection only when one is asked for, and none is until
				// the rehearsal ends; the connections closed here end their sessions in the pool's own
				// thread, and CREATE DATABASE waits a few seconds for sessions that are ending
				pool.setMinimumIdle(0);
				connections.softEvictConnections();
				restore.add(() -> pool.setMinimumIdle(minimumIdle));
			}
			return () -> restore.forEach(Runnable::run);
		}

	}

}
