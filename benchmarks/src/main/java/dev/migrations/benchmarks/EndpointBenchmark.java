package dev.migrations.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrations.benchmarks.endpoint.BenchItem;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * P4, {@code /actuator/migrations} under concurrent load: a minimal web application (the starter,
 * actuator, JPA with one entity) on a fresh database with N revisions applied at startup, read over
 * loopback by a fixed pool of clients sharing one {@link HttpClient}, each sending a bounded number
 * of requests after a warm-up. Every response must be 200 with {@code "upToDate":true}.
 * <p>
 * The application's data source is wrapped in a {@link CountingDataSource}, so the report can say how
 * many statements the load sent and how long requests waited for them. The same load is then sent to
 * two fixed responses of the same application, the floor under which the endpoint cannot go on this
 * machine.
 */
final class EndpointBenchmark {

	static final double TARGET_P99_MILLIS = 20;

	private static final String UP_TO_DATE = "\"upToDate\":true";

	private static final String ENTITY_TABLE = "bench_item";

	private final Benchmarks.Settings settings;

	private final Path work;

	EndpointBenchmark(Benchmarks.Settings settings, Path work) {
		this.settings = settings;
		this.work = work;
	}

	void run(Report report) throws Exception {
		int clients = this.settings.clients();
		int requests = this.settings.requests();
		int revisions = this.settings.endpointRevisions();
		System.err.println("P4: /actuator/migrations, " + revisions + " revisions applied, " + clients + " clients × "
				+ requests + " requests after a warm-up");
		Path location = writeRevisions(this.work.resolve("p4"), revisions);
		try (TestDatabase database = TestDatabases.postgres()) {
			ConfigurableApplicationContext application = start(database, location);
			try {
				String url = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port")
						+ "/actuator/migrations";
				HttpClient http = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(10))
					.build();
				String first = awaitDriftChecked(http, url);
				int start = first.indexOf("\"drift\":{\"status\":\"") + 19;
				String drift = (start < 19) ? "?" : first.substring(start, first.indexOf('"', start));
				CountingDataSource counting = application.getBean(CountingDataSource.class);
				// the warm-up: JIT, connection pools (ours and the server's) and Tomcat's threads
				load(http, url, clients, Math.max(1, requests / 4), UP_TO_DATE);
				counting.reset();
				Load measured = load(http, url, clients, requests, UP_TO_DATE);
				int total = clients * requests;
				double dbWaitPerRequest = (counting.readMillis() + counting.otherMillis()) / total;
				String queries = String.format(Locale.ROOT,
						"%d reads + %d other statements in all (%.4f per request) in %.1f s, waiting %.3f ms for the"
								+ " database per request",
						counting.reads(), counting.others(), (counting.reads() + counting.others()) / (double) total,
						measured.wallNanos() / 1e9, dbWaitPerRequest);
				String name = "P4 /actuator/migrations, " + revisions + " revisions, " + clients + " clients × " + requests
						+ " requests";
				report.add(new Report.LoadRow(name, measured.percentile(50), measured.percentile(95),
						measured.percentile(99), measured.max(), measured.throughput(), measured.failures(),
						"drift " + drift + "; response " + Stats.ms(first.getBytes(StandardCharsets.UTF_8).length / 1024.0)
								+ " KB; " + queries));
				measured.failureMessages().stream().limit(10).forEach((message) -> System.err.println("  failure: " + message));
				// The floor: the same load on a controller of the same application answering with fixed bytes
				// (Tomcat, Spring MVC, the observation of each request and the client, without actuator, Jackson
				// or the status), once with a copy of the endpoint's response and once with a 2-byte body. Each
				// gets a full load as its warm-up, as the endpoint had one by now.
				String base = url.substring(0, url.indexOf("/actuator/"));
				StaticResponses statics = application.getBean(StaticResponses.class);
				statics.copy = first.getBytes(StandardCharsets.UTF_8);
				String copyUrl = base + StaticResponses.COPY;
				load(http, copyUrl, clients, requests, UP_TO_DATE);
				Load copyFloor = load(http, copyUrl, clients, requests, UP_TO_DATE);
				report.add(floorRow(StaticResponses.COPY, "the endpoint's response as fixed bytes", copyFloor, measured));
				load(http, base + StaticResponses.EMPTY, clients, requests, "{}");
				Load emptyFloor = load(http, base + StaticResponses.EMPTY, clients, requests, "{}");
				report.add(floorRow(StaticResponses.EMPTY, "a 2-byte body", emptyFloor, measured));
				// Then, every path warmed alike, the endpoint and the fixed bytes alternate: the first
				// measurement ran right after startup, the floors in a JVM it had warmed, so that order alone
				// favours the floors. The target is the median of the rounds' ratios.
				int rounds = Integer.getInteger("bench.p4Rounds", 3);
				double[] ratios = new double[rounds];
				double[] endpointP99 = new double[rounds];
				int failures = measured.failures();
				StringBuilder each = new StringBuilder();
				for (int round = 0; round < rounds; round++) {
					Load endpoint = load(http, url, clients, requests, UP_TO_DATE);
					Load floor = load(http, copyUrl, clients, requests, UP_TO_DATE);
					failures += endpoint.failures() + floor.failures();
					endpointP99[round] = endpoint.percentile(99);
					ratios[round] = endpoint.percentile(99) / floor.percentile(99);
					String figures = String.format(Locale.ROOT, "%.1f / %.1f ms = %.2f×", endpoint.percentile(99),
							floor.percentile(99), ratios[round]);
					each.append((round == 0) ? "" : "; ").append(figures);
					System.err.println("  P4 round " + (round + 1) + ", p99 endpoint / fixed bytes: " + figures);
				}
				double medianRatio = median(ratios);
				double firstRatio = measured.percentile(99) / copyFloor.percentile(99);
				report.add(new Report.TargetRow("P4 /actuator/migrations p99 ≤ 1.3× the same bytes served fixed, same load",
						String.format(Locale.ROOT,
								"%.2f× (median of %d rounds alternating the two after equal warm-ups: %s); right after"
										+ " startup, before the floors' own warm-up, %.2f×",
								medianRatio, rounds, each, firstRatio),
						medianRatio <= 1.3 && failures == 0));
				report.add(new Report.TargetRow("P4 /actuator/migrations under " + clients + " clients: p99 < "
						+ Stats.ms(TARGET_P99_MILLIS) + " ms", Stats.ms(median(endpointP99)) + " ms (median of the rounds; "
								+ Stats.ms(measured.percentile(99)) + " ms right after startup)",
						median(endpointP99) < TARGET_P99_MILLIS && failures == 0));
			}
			finally {
				application.close();
			}
		}
	}

	private static Report.LoadRow floorRow(String path, String what, Load floor, Load endpoint) {
		return new Report.LoadRow("P4 floor: " + path + " (" + what + "), same load", floor.percentile(50),
				floor.percentile(95), floor.percentile(99), floor.max(), floor.throughput(), floor.failures(),
				String.format(Locale.ROOT, "for reference: p99 %.2f× and throughput %.2f× the endpoint's first measurement",
						floor.percentile(99) / endpoint.percentile(99), floor.throughput() / endpoint.throughput()));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The fixtures' first N−1 revisions, then one creating the entity's table as it is mapped. */
	private static Path writeRevisions(Path root, int count) throws IOException {
		RevisionFixtures fixtures = RevisionFixtures.write(root, count - 1);
		String id = RevisionFixtures.revisionId(count);
		String parent = (count > 1) ? RevisionFixtures.revisionId(count - 1) : "none";
		Files.writeString(fixtures.revisions.resolve(id + "_create_" + ENTITY_TABLE + ".sql"), "-- revision: " + id
				+ "\n-- down_revision: " + parent + "\n-- message: create " + ENTITY_TABLE
				+ "\n-- created: 2026-11-21T00:00:00Z\n\n-- upgrade\nCREATE TABLE " + ENTITY_TABLE
				+ " (\n    id bigint NOT NULL PRIMARY KEY,\n    name varchar(100) NOT NULL\n);\n\n-- downgrade\nDROP TABLE "
				+ ENTITY_TABLE + ";\n", StandardCharsets.UTF_8);
		return fixtures.revisions;
	}

	private static ConfigurableApplicationContext start(TestDatabase database, Path location) {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
				"spring.jpa.hibernate.ddl-auto=none", "spring.jpa.open-in-view=false", "spring.main.banner-mode=off",
				"server.port=0", "server.address=127.0.0.1", "management.endpoints.web.exposure.include=migrations",
				"migrations.locations=filesystem:" + location.toAbsolutePath(),
				// the fixture tables are no entity's: left out, drift compares the entity's table and finds nothing
				"migrations.drift.include-tables=" + ENTITY_TABLE));
		if (isPresent("org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")) {
			properties.add("spring.autoconfigure.exclude="
					+ "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration");
		}
		return new SpringApplicationBuilder(EndpointApplication.class).logStartupInfo(false)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, EndpointBenchmark.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/**
	 * Waits for the drift monitor's first check, so every measured response carries a computed report,
	 * and returns that response's body.
	 */
	private static String awaitDriftChecked(HttpClient http, String url) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			HttpResponse<String> response = get(http, url);
			String body = response.body();
			if (response.statusCode() == 200 && !body.contains("\"status\":\"UNKNOWN\"")) {
				return body;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("P4: the drift check did not finish within 60 s; last response "
						+ response.statusCode() + ": " + body);
			}
			Thread.sleep(100);
		}
	}

	private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Every client starts at once and sends its requests one after the other; a response other than a
	 * 200 containing {@code expected} is a failure.
	 */
	private static Load load(HttpClient http, String url, int clients, int requestsEach, String expected)
			throws Exception {
		long[] latencies = new long[clients * requestsEach];
		AtomicInteger failures = new AtomicInteger();
		ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start;
		long end;
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int offset = c * requestsEach;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					for (int i = 0; i < requestsEach; i++) {
						long sent = System.nanoTime();
						try {
							HttpResponse<String> response = get(http, url);
							latencies[offset + i] = System.nanoTime() - sent;
							if (response.statusCode() != 200 || !response.body().contains(expected)) {
								failures.incrementAndGet();
								String body = response.body();
								messages.add(response.statusCode() + ": "
										+ body.substring(0, Math.min(200, body.length())));
							}
						}
						catch (IOException ex) {
							latencies[offset + i] = System.nanoTime() - sent;
							failures.incrementAndGet();
							messages.add(ex.toString());
						}
					}
					return null;
				}));
			}
			ready.await();
			start = System.nanoTime();
			go.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
			end = System.nanoTime();
		}
		finally {
			pool.shutdownNow();
		}
		Arrays.sort(latencies);
		return new Load(latencies, end - start, failures.get(), List.copyOf(messages));
	}

	/** The sorted latencies of one load, in nanoseconds, and its wall time. */
	private record Load(long[] sortedNanos, long wallNanos, int failures, List<String> failureMessages) {

		Load {
			failureMessages = List.copyOf(failureMessages);
		}

		/** Nearest-rank percentile, in milliseconds. */
		double percentile(double p) {
			int rank = (int) Math.ceil(p / 100.0 * this.sortedNanos.length);
			return Stats.millis(this.sortedNanos[Math.max(0, rank - 1)]);
		}

		double max() {
			return Stats.millis(this.sortedNanos[this.sortedNanos.length - 1]);
		}

		double throughput() {
			return this.sortedNanos.length / (this.wallNanos / 1e9);
		}

	}

	/** The floor's fixed responses, answered by Spring MVC without actuator or Jackson. */
	@RestController
	static class StaticResponses {

		static final String COPY = "/bench/copy";

		static final String EMPTY = "/bench/empty";

		private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

		volatile byte[] copy = EMPTY_JSON;

		@GetMapping(path = COPY, produces = MediaType.APPLICATION_JSON_VALUE)
		byte[] copy() {
			return this.copy;
		}

		@GetMapping(path = EMPTY, produces = MediaType.APPLICATION_JSON_VALUE)
		byte[] empty() {
			return EMPTY_JSON;
		}

	}

	/**
	 * The P4 application: auto-configuration with the starter, actuator and JPA, scanning only the
	 * benchmark's entity package.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = BenchItem.class)
	static class EndpointApplication {

		@Bean
		StaticResponses staticResponses() {
			return new StaticResponses();
		}

		/** Counts the statements the application sends, the endpoint's included. */
		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource))
							? new CountingDataSource(dataSource) : bean;
				}

			};
		}

	}

}
