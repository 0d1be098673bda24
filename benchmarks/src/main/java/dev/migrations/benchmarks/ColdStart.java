package dev.migrations.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The child JVM of the cold startup benchmark: one no-op upgrade by one tool in a fresh JVM, as an
 * application starting up does it (the same calls as {@link Tools}). Prints {@code elapsed_ns=...},
 * the time from before the tool's first class is touched until the database is known to be up to
 * date, and for ours {@code load_ns=...}, the part spent in {@code load()} (connecting to find the dialect,
 * and meanwhile reading the revisions).
 * <p>
 * Arguments: {@code migrations|flyway|connect <directory>} ({@code connect} only connects and runs
 * {@code SELECT 1}: the floor of any JVM tool), or {@code metadata <class directory> <entity class>...}
 * (connects, then builds Hibernate's boot metadata of the entities: the floor of {@code db check}); the database comes from the environment
 * ({@code BENCH_JDBC_URL}, {@code BENCH_USER}, {@code BENCH_PASSWORD}).
 */
public final class ColdStart {

	private ColdStart() {
	}

	public static void main(String[] args) throws SQLException, IOException, ClassNotFoundException {
		Benchmarks.quietLogging();
		String tool = args[0];
		Path directory = Path.of(args[1]);
		DataSource dataSource = new Tools.Database(System.getenv("BENCH_JDBC_URL"), System.getenv("BENCH_USER"),
				System.getenv("BENCH_PASSWORD")).dataSource();
		long start = System.nanoTime();
		int executed;
		long loaded = 0;
		switch (tool) {
			case "migrations" -> {
				Migrations migrations = Migrations.configure().dataSource(dataSource)
					.locations("filesystem:" + directory.toAbsolutePath()).load();
				loaded = System.nanoTime() - start;
				executed = migrations.upgrade("head").steps().size();
			}
			case "flyway" -> executed = Tools.flywayMigrate(dataSource, directory).migrationsExecuted;
			case "connect" -> {
				// the floor: what any JVM tool pays before its own work (driver, connection, one query)
				connect(dataSource);
				executed = 0;
			}
			case "metadata" -> {
				// the floor of a command comparing entities: connect, then Hibernate's boot metadata of the
				// entities in the class directory, with Spring Boot's default naming strategies
				connect(dataSource);
				buildMetadata(directory, List.of(args).subList(2, args.length));
				executed = 0;
			}
			default -> throw new IllegalArgumentException(
					"Unknown tool " + tool + ": use migrations, flyway, connect or metadata.");
		}
		long elapsed = System.nanoTime() - start;
		if (executed != 0) {
			throw new IllegalStateException(tool + " applied " + executed + " revisions in what should be a no-op startup.");
		}
		System.out.println("elapsed_ns=" + elapsed);
		if (loaded > 0) {
			// where a cold start goes: reading the revisions, or talking to the database
			System.out.println("load_ns=" + loaded);
		}
	}

	private static void connect(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT 1")) {
			rs.next();
		}
	}

	private static void buildMetadata(Path classes, List<String> entities) throws IOException, ClassNotFoundException {
		Map<String, Object> settings = new HashMap<>();
		settings.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
		settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
		settings.put("hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl");
		settings.put("hibernate.implicit_naming_strategy", "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, ColdStart.class.getClassLoader());
				StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
						new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
					.applySettings(settings)
					.build()) {
			MetadataSources sources = new MetadataSources(registry);
			for (String entity : entities) {
				sources.addAnnotatedClass(Class.forName(entity, false, loader));
			}
			Metadata metadata = sources.buildMetadata();
			if (metadata.getEntityBindings().size() != entities.size()) {
				throw new IllegalStateException("Hibernate bound " + metadata.getEntityBindings().size() + " of " + entities.size()
						+ " entities");
			}
		}
	}

}
