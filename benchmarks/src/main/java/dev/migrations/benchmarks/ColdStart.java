package dev.migrations.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
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
 * {@code SELECT 1}: the floor of any JVM tool; {@code least} also reads the version table and reads and hashes every
 * file: the floor of any tool that checks its files against what was applied), or {@code metadata <class directory> <entity class>...}
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
		// the configuration's values are the application's, given before the tool is called (as the data source is)
		String location = "filesystem:" + directory.toAbsolutePath();
		long start = System.nanoTime();
		int executed;
		long loaded = 0;
		switch (tool) {
			case "migrations" -> {
				Migrations migrations = Migrations.configure().dataSource(dataSource)
					.locations(location).load();
				loaded = System.nanoTime() - start;
				executed = migrations.upgrade("head").steps().size();
			}
			case "flyway" -> executed = Tools.flywayMigrate(dataSource, directory).migrationsExecuted;
			case "connect" -> {
				// the floor: what any JVM tool pays before its own work (driver, connection, one query)
				connect(dataSource);
				executed = 0;
			}
			case "least" -> {
				// the least any tool of this kind must do: connect, read the version table, and read and hash every
				// file, the files on a second thread while connecting, as ours does
				least(dataSource, directory);
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
					"Unknown tool " + tool + ": use migrations, flyway, connect, least or metadata.");
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

	private static void least(DataSource dataSource, Path directory) throws SQLException, IOException {
		// CRC-32 (an intrinsic, no security provider to load), the cheapest hash a tool could keep: a floor
		Set<Long> hashes = new HashSet<>();
		IOException[] failure = new IOException[1];
		Thread files = new Thread(() -> {
			try {
				String[] names = directory.toFile().list();
				Arrays.sort(names);
				CRC32 crc = new CRC32();
				for (String name : names) {
					crc.reset();
					crc.update(Files.readAllBytes(directory.resolve(name)));
					hashes.add(crc.getValue());
				}
			}
			catch (IOException ex) {
				failure[0] = ex;
			}
		});
		files.start();
		int rows = 0;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT revision, checksum FROM migrations_version ORDER BY applied_seq")) {
			while (rs.next()) {
				rs.getString(1);
				rs.getString(2);
				rows++;
			}
		}
		try {
			files.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		if (rows == 0 || hashes.size() < rows) {
			throw new IllegalStateException("The least work read " + rows + " rows and " + hashes.size() + " distinct files.");
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
