package dev.migrations.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * Runs the benchmarks side by side with the reference tools on one PostgreSQL and prints a Markdown
 * table of medians and ratios (ratios are what carries over between machines, not absolute times).
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [all|p1|p2|p3|p3scale|p4|p5|safety|online|stairway|tenants] [--runs N] [--cold-runs N] [--apply-runs N]
 *     [--check-runs N] [--revisions N] [--entities N[,N...]] [--clients N] [--requests N] [--endpoint-revisions N]
 * </pre>
 * The database comes from {@code migrations-test}: {@code MIGRATIONS_TEST_POSTGRES_URL}, else a server on
 * {@code 127.0.0.1:5432}, else Testcontainers, else an embedded PostgreSQL.
 */
public final class Benchmarks {

	/**
	 * How many runs of what; the defaults keep a full run within about ten minutes on two cores.
	 * {@code entitySizes} are the sizes {@code p3scale} runs ({@code --entities 500,2000,...}); P3 takes the first.
	 */
	record Settings(int runs, int warmup, int coldRuns, int applyRuns, int checkRuns, int revisions, int entities,
			int clients, int requests, int endpointRevisions, List<Integer> entitySizes) {

		static final List<Integer> SCALE_SIZES = List.of(500, 2000, 5000, 10000);

		static Settings defaults() {
			return new Settings(11, 10, 7, 5, 3, 1000, 500, 50, 200, 100, SCALE_SIZES);
		}

		Settings with(String option, String text) {
			if (option.equals("--entities")) {
				List<Integer> sizes = java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt)
					.sorted().distinct().toList();
				return new Settings(this.runs, this.warmup, this.coldRuns, this.applyRuns, this.checkRuns, this.revisions,
						sizes.get(0), this.clients, this.requests, this.endpointRevisions, sizes);
			}
			int value = Integer.parseInt(text);
			return switch (option) {
				case "--runs" -> new Settings(value, this.warmup, this.coldRuns, this.applyRuns, this.checkRuns,
						this.revisions, this.entities, this.clients, this.requests, this.endpointRevisions, this.entitySizes);
				case "--cold-runs" -> new Settings(this.runs, this.warmup, value, this.applyRuns, this.checkRuns,
						this.revisions, this.entities, this.clients, this.requests, this.endpointRevisions, this.entitySizes);
				case "--apply-runs" -> new Settings(this.runs, this.warmup, this.coldRuns, value, this.checkRuns,
						this.revisions, this.entities, this.clients, this.requests, this.endpointRevisions, this.entitySizes);
				case "--check-runs" -> new Settings(this.runs, this.warmup, this.coldRuns, this.applyRuns, value,
						this.revisions, this.entities, this.clients, this.requests, this.endpointRevisions, this.entitySizes);
				case "--revisions" -> new Settings(this.runs, this.warmup, this.coldRuns, this.applyRuns, this.checkRuns,
						value, this.entities, this.clients, this.requests, this.endpointRevisions, this.entitySizes);
				case "--clients" -> new Settings(this.runs, this.warmup, this.coldRuns, this.applyRuns, this.checkRuns,
						this.revisions, this.entities, value, this.requests, this.endpointRevisions, this.entitySizes);
				case "--requests" -> new Settings(this.runs, this.warmup, this.coldRuns, this.applyRuns, this.checkRuns,
						this.revisions, this.entities, this.clients, value, this.endpointRevisions, this.entitySizes);
				case "--endpoint-revisions" -> new Settings(this.runs, this.warmup, this.coldRuns, this.applyRuns,
						this.checkRuns, this.revisions, this.entities, this.clients, this.requests, value, this.entitySizes);
				default -> throw new IllegalArgumentException("Unknown option " + option + ". Use " + USAGE + ".");
			};
		}

	}

	static final String USAGE = "[all|p1|p2|p3|p3scale|p4|p5|safety|online|stairway|tenants] [--runs N] [--cold-runs N] [--apply-runs N] [--check-runs N]"
			+ " [--revisions N] [--entities N[,N...]] [--clients N] [--requests N] [--endpoint-revisions N]";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		quietLogging();
		String which = "all";
		Settings settings = Settings.defaults();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				which = arg.toLowerCase(Locale.ROOT);
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(arg + " needs a number.");
			}
			settings = settings.with(arg, args[++i]);
		}
		if (!List.of("all", "p1", "p2", "p3", "p3scale", "p4", "p5", "safety", "online", "stairway", "tenants").contains(which)) {
			throw new IllegalArgumentException(
					"Unknown benchmark " + which + ": use all, p1, p2, p3, p3scale, p4, p5, safety, online, stairway or tenants.");
		}

		long started = System.nanoTime();
		Path work = Files.createTempDirectory("migrations-benchmarks");
		Report report = new Report();
		String header;
		try {
			header = header();
			RevisionFixtures fixtures = null;
			if (!which.equals("p3") && !which.equals("p3scale") && !which.equals("p4") && !which.equals("p5") && !which.equals("safety")
					&& !which.equals("online") && !which.equals("stairway") && !which.equals("tenants")) {
				fixtures = RevisionFixtures.write(work, settings.revisions());
			}
			if (which.equals("all") || which.equals("p1")) {
				new StartupBenchmark(settings, fixtures).run(report);
			}
			if (which.equals("all") || which.equals("p2")) {
				new ApplyBenchmark(settings, fixtures).run(report);
			}
			if (which.equals("all") || which.equals("p3")) {
				new AutogenerateBenchmark(settings, work).run(report);
			}
			if (which.equals("p3scale")) {
				new AutogenerateBenchmark(settings, work).runScale(report);
			}
			if (which.equals("all") || which.equals("p4")) {
				new EndpointBenchmark(settings, work).run(report);
			}
			if (which.equals("all") || which.equals("safety")) {
				new SafetyBenchmark(work).run(report);
			}
			if (which.equals("p5")) {
				new CommandBenchmark(settings).run(report);
			}
			if (which.equals("online")) {
				new SafetyBenchmark(work).runGenerated(report);
			}
			if (which.equals("all") || which.equals("stairway")) {
				new StairwayBenchmark(settings, work).run(report);
			}
			if (which.equals("tenants")) {
				new TenantsBenchmark(work).run(report);
			}
		}
		finally {
			deleteRecursively(work);
		}
		report.note("Times are medians in milliseconds; the runs column lists every measured run (ours / reference). "
				+ "Ratios are ours ÷ reference: below 1 is faster.");
		report.note("P1 and P2 use a plain data source (a new connection each time, no pool) for every tool; each P2 run "
				+ "and each tool gets a fresh database. psql is timed as a whole process, start-up included.");
		report.note("P3: Hibernate's validation checks tables, columns and column types only, and stops at the first "
				+ "problem; `check()` also compares lengths, nullability, defaults, keys, indexes, foreign keys and checks, "
				+ "and lists every difference. Catalog reads count SELECTs and DatabaseMetaData calls at the JDBC boundary; "
				+ "other statements are mostly the scratch schema's DDL, which runs in a transaction that is rolled back.");
		report.note("P4: one Spring Boot web application in this JVM (Tomcat on 127.0.0.1, HikariCP), read by a fixed pool "
				+ "of client threads sharing one java.net.http.HttpClient (HTTP/1.1, kept-alive connections); latencies are "
				+ "per request as the client sees them, nearest-rank percentiles; throughput is requests ÷ wall time. The "
				+ "floor rows send the same load to a controller of the same application answering with fixed bytes: "
				+ "Tomcat, Spring MVC, the request's observation and the client, without actuator, Jackson or the status.");
		report.note("P3, Liquibase diff: its diff command with the entities as the reference (liquibase-hibernate7) and "
				+ "the database as the target, timed as a whole; the result column gives its raw differences and, untimed, "
				+ "the changes diff-changelog would write from them. It does not compare check constraints.");
		System.out.println(header);
		System.out.println();
		System.out.println(report.markdown());
		System.out.printf(Locale.ROOT, "Whole run: %.0f s; load average at the end: %s%n", (System.nanoTime() - started) / 1e9,
				loadAverage());
	}

	/** The tools log through SLF4J (simple, at warn) and Hibernate through JBoss Logging, sent there too. */
	static void quietLogging() {
		System.setProperty("org.jboss.logging.provider", "slf4j");
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("bench.log", "warn"));
		// P4's application logs through the same SLF4J binding instead of configuring a logging system of its own
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
	}

	private static String header() throws SQLException {
		String serverVersion;
		String durability;
		try (TestDatabase database = TestDatabases.postgres(); Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			serverVersion = single(statement, "SHOW server_version");
			durability = "fsync=" + single(statement, "SHOW fsync") + ", synchronous_commit="
					+ single(statement, "SHOW synchronous_commit");
		}
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		StringBuilder header = new StringBuilder("## Benchmarks, ");
		header.append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append("\n\n");
		header.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (")
			.append(cpuModel()).append("), ")
			.append(Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024))).append(" GiB memory, ")
			.append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
			.append("; load average at the start: ").append(loadAverage())
			.append(" (other work on the machine inflates absolute times; the tools alternate, so ratios hold better)\n");
		header.append("- PostgreSQL ").append(serverVersion).append(" (").append(durability).append(")\n");
		header.append("- Java ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
			.append(", max heap ").append(Stats.mb(Runtime.getRuntime().maxMemory())).append(" MB\n");
		header.append("- Compared with: Flyway ").append(mavenVersion("org.flywaydb", "flyway-core")).append(", Hibernate ")
			.append(org.hibernate.Version.getVersionString()).append(", Liquibase ")
			.append(liquibase.util.LiquibaseUtil.getBuildVersion()).append(" with liquibase-hibernate7 ")
			.append(mavenVersion("org.liquibase.ext", "liquibase-hibernate7")).append(", ")
			.append(TestDatabases.psqlExecutable().map(Path::toString).orElse("no psql"));
		return header.toString();
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter((l) -> l.startsWith("model name")).map((l) -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst().orElse("unknown CPU");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown CPU";
		}
	}

	private static String mavenVersion(String group, String artifact) {
		String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
		try (var in = Benchmarks.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				return "(version unknown)";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "(version unknown)");
		}
		catch (IOException ex) {
			return "(version unknown)";
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
