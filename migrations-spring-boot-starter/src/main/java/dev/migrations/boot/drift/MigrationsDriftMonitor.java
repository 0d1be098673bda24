package dev.migrations.boot.drift;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsInitializer;
import dev.migrations.boot.MigrationsProperties.DriftAction;
import dev.migrations.dialect.Dialect;
import dev.migrations.diff.Difference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Compares the JPA entities with the database off the request path and keeps the latest
 * {@link DriftReport} in memory, for the actuator endpoint, the health indicator and metrics.
 * <p>
 * The first check runs on a background thread once the application is ready, then every
 * {@code interval} (never when it is zero or negative). With {@link DriftAction#FAIL} the first check
 * runs instead synchronously during startup, after every singleton (the startup upgrade and JPA
 * included) is created and before the web server accepts requests, and a difference stops the
 * application with a {@link DriftDetectedException}, unless the database is ahead of the code (revisions
 * applied that this release has no file for, as during a rolling deploy): the application then starts, as it
 * does over such a database, with the differences logged. With {@link DriftAction#WARN} the differences
 * of the first check are logged, and later checks log when the differences change.
 * <p>
 * {@link #report()} never throws and never touches the database: a check that cannot tell (no
 * entities, no permission, a failure) is reported as {@link DriftStatus#UNKNOWN} with its reason.
 */
public class MigrationsDriftMonitor implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent>,
		DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsDriftMonitor.class);

	/** The reason reported when no entities are configured. */
	static final String NO_ENTITIES = "No JPA entities to compare: Spring Boot's JPA auto-configuration found none"
			+ " (no PersistenceManagedTypes bean). Declare an EntitySource bean with the entity classes, or set"
			+ " migrations.drift.enabled=false.";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	/** How long {@link #destroy()} waits for a check under way. */
	static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final Migrations migrations;

	private final boolean entitiesConfigured;

	private final DriftAction onStartup;

	private final Duration interval;

	private final Clock clock;

	private final ReentrantLock checking = new ReentrantLock();

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile DriftReport report = DriftReport.notCheckedYet();

	private volatile boolean checkedOnStartup;

	private volatile ScheduledExecutorService executor;

	private volatile boolean stopped;

	/**
	 * Creates a monitor.
	 * @param migrations the facade whose {@link Migrations#check()} is run
	 * @param entitiesConfigured whether the facade has entities; without them nothing is ever run
	 * @param onStartup what the first check does with differences
	 * @param interval the time between checks after the first; zero or negative for none
	 */
	public MigrationsDriftMonitor(Migrations migrations, boolean entitiesConfigured, DriftAction onStartup,
			Duration interval) {
		this(migrations, entitiesConfigured, onStartup, interval, Clock.systemUTC());
	}

	MigrationsDriftMonitor(Migrations migrations, boolean entitiesConfigured, DriftAction onStartup, Duration interval,
			Clock clock) {
		Assert.notNull(migrations, "'migrations' must not be null");
		this.migrations = migrations;
		this.entitiesConfigured = entitiesConfigured;
		this.onStartup = (onStartup != null) ? onStartup : DriftAction.WARN;
		this.interval = (interval != null) ? interval : Duration.ZERO;
		this.clock = clock;
		if (!entitiesConfigured) {
			this.report = DriftReport.unknown(null, NO_ENTITIES);
		}
	}

	/** The result of the last check, or an {@link DriftStatus#UNKNOWN} one before the first; never {@code null}. */
	public DriftReport report() {
		return this.report;
	}

	/**
	 * Compares the entities with the database now, on the calling thread, and keeps the result.
	 * Waits for a check already running on another thread. Never throws.
	 * @return the new report
	 */
	public DriftReport check() {
		return check(true);
	}

	private DriftReport check(boolean logDifferences) {
		if (!this.entitiesConfigured) {
			return this.report;
		}
		this.checking.lock();
		try {
			DriftReport previous = this.report;
			DriftReport next;
			try {
				next = DriftReport.of(this.clock.instant(), this.migrations.check());
			}
			catch (RuntimeException | LinkageError ex) {
				logger.debug("Drift check failed", ex);
				next = DriftReport.unknown(this.clock.instant(), reasonFor(ex));
			}
			this.report = next;
			// a check cut short by the application stopping says nothing about the schema
			if (!this.stopped && (logDifferences || next.status() != DriftStatus.DETECTED)) {
				logChange(previous, next);
			}
			return next;
		}
		finally {
			this.checking.unlock();
		}
	}

	/**
	 * With {@link DriftAction#FAIL}, checks now and stops startup on differences.
	 * @throws DriftDetectedException when the entities and the database differ
	 */
	@Override
	public void afterSingletonsInstantiated() {
		// a training run neither upgrades the database nor stops on what it finds there
		if (this.onStartup != DriftAction.FAIL || !this.entitiesConfigured || MigrationsInitializer.isTrainingRun()) {
			return;
		}
		// the failure lists the differences: no warning before it
		DriftReport first = check(false);
		this.checkedOnStartup = true;
		if (first.status() == DriftStatus.DETECTED) {
			List<String> ahead = aheadOfTheCode();
			if (ahead.isEmpty()) {
				throw new DriftDetectedException(first.differences());
			}
			// a database ahead of the code starts the application (an instance of the previous release during a
			// rolling deploy): differences that the newer release's revisions made are no reason to stop it
			logger.warn("The JPA entities and the database differ ({} difference{}), but the database is ahead of this"
					+ " code ({} applied, which this release has no file for: a newer release upgraded it), so the"
					+ " startup goes on despite migrations.drift.on-startup=fail:\n{}", first.differences().size(),
					(first.differences().size() == 1) ? "" : "s", String.join(", ", ahead), describe(first.differences()));
		}
	}

	// the revisions applied that have no file here; none when that cannot be read (the drift failure stands)
	private List<String> aheadOfTheCode() {
		try {
			return this.migrations.status().missing();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read whether the database is ahead of the code", ex);
			return List.of();
		}
	}

	/** Starts the background checks. */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		start();
	}

	/** Starts the background checks, once; called when the application is ready. */
	public void start() {
		if (!this.entitiesConfigured || !this.started.compareAndSet(false, true)) {
			return;
		}
		Dialect dialect = this.migrations.dialect();
		if (dialect == null) {
			// a test's mock of the facade (@MockitoBean Migrations): there is no database to compare with
			return;
		}
		if (!dialect.supportsAutogenerate()) {
			// a limit of the database, not a failure: one check (which connects to nothing) says why, then none
			if (!this.checkedOnStartup) {
				check();
			}
			return;
		}
		boolean periodic = !this.interval.isNegative() && !this.interval.isZero();
		if (this.checkedOnStartup && !periodic) {
			return;
		}
		ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "migrations-drift");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = service;
		long delay = this.checkedOnStartup ? this.interval.toMillis() : 0;
		if (periodic) {
			service.scheduleWithFixedDelay(this::check, delay, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			service.execute(this::check);
		}
	}

	/**
	 * Stops the checks, and waits (at most {@link #STOP_WAIT}) for one under way to give its connection back:
	 * the data source closes after this bean, and a check still holding a connection then made the pool log a
	 * warning at the shutdown of a short-lived application.
	 */
	@Override
	public void destroy() {
		this.stopped = true;
		ScheduledExecutorService service = this.executor;
		if (service != null) {
			service.shutdownNow();
			try {
				if (!service.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
					logger.debug("The drift check under way did not end within {} of the shutdown", STOP_WAIT);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void logChange(DriftReport previous, DriftReport next) {
		boolean first = previous.checkedAt() == null;
		if (this.onStartup == DriftAction.IGNORE) {
			if (logger.isDebugEnabled()) {
				logger.debug("Drift check: {}", describe(next));
			}
			return;
		}
		switch (next.status()) {
			case DETECTED -> {
				if (first || !next.differences().equals(previous.differences())) {
					logger.warn("The JPA entities and the database differ ({} difference{}):\n{}\n{}, or list them with"
							+ " `db check`.", next.differences().size(), (next.differences().size() == 1) ? "" : "s",
							describe(next.differences()), whatToDo(next.differences()));
				}
			}
			case NONE -> {
				if (!first && previous.status() != DriftStatus.NONE) {
					logger.info("The JPA entities and the database match again");
				}
			}
			case UNKNOWN -> {
				if (!next.reason().equals(previous.reason())) {
					if (this.migrations.dialect().supportsAutogenerate()) {
						logger.warn("Could not compare the JPA entities with the database: {}", next.reason());
					}
					else {
						logger.info("Drift from the JPA entities is not watched: {} (migrations.drift.enabled=false skips"
								+ " this check)", next.reason());
					}
				}
			}
		}
	}

	private static String describe(DriftReport report) {
		return switch (report.status()) {
			case NONE -> "none";
			case DETECTED -> report.differences().size() + " differences\n" + describe(report.differences());
			case UNKNOWN -> "unknown: " + report.reason();
		};
	}

	/**
	 * What to do about the differences, a sentence without its full stop: a revision from {@code db migrate}, and for an
	 * index left INVALID (of which {@code db migrate} writes nothing) the rebuild or drop its line gives.
	 */
	static String whatToDo(List<Difference> differences) {
		long invalid = differences.stream().filter((difference) -> difference.kind().equals("INDEX_INVALID")).count();
		if (invalid == 0) {
			return "Write a revision for them with `db migrate -m \"...\"` and apply it";
		}
		String indexes = "rebuild or drop " + ((invalid == 1) ? "the index" : "each index") + " left INVALID as "
				+ ((invalid == 1) ? "its line says" : "their lines say") + " (`db migrate` writes nothing for "
				+ ((invalid == 1) ? "it)" : "them)");
		return (invalid == differences.size()) ? Character.toUpperCase(indexes.charAt(0)) + indexes.substring(1)
				: "Write a revision for the others with `db migrate -m \"...\"` and apply it, and " + indexes;
	}

	static String describe(List<Difference> differences) {
		return differences.stream()
			.map((difference) -> "  - " + difference.kind() + " " + difference.detail())
			.collect(Collectors.joining("\n"));
	}

	/** A reason an operator can act on, from what made the check fail. */
	public static String reasonFor(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
				return "No permission: " + sql.getMessage().strip() + ". The check creates the tables that may"
						+ " differ in a temporary (else a scratch) schema, in a transaction it always rolls back, so the"
						+ " database user needs TEMPORARY (or CREATE) on the database; grant it, or give migrations a"
						+ " @MigrationsDataSource that has it.";
			}
		}
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? message : failure.toString();
	}

}
