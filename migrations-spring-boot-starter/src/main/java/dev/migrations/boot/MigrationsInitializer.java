package dev.migrations.boot;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.Migrations;
import dev.migrations.MigrationsStatus;
import dev.migrations.revision.AmbiguousRevisionException;
import dev.migrations.revision.MultipleHeadsException;
import dev.migrations.revision.TargetException;
import dev.migrations.revision.UnknownAppliedRevisionException;
import dev.migrations.revision.UnknownRevisionException;
import dev.migrations.runner.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Brings the database up to date when the application starts. Beans that use the database (the JPA
 * {@code EntityManagerFactory}, {@code JdbcTemplate}...) are created after it, because
 * {@link MigrationsInitializerDatabaseInitializerDetector} reports it to Spring Boot as a database
 * initializer.
 */
public class MigrationsInitializer implements InitializingBean, EnvironmentAware, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsInitializer.class);

	private final Migrations migrations;

	private final String target;

	private final MigrationStrategy strategy;

	private int order;

	private Runnable beforeUpgrade = () -> {
	};

	private StartupProgressLog progress;

	private Environment environment;

	private boolean failOnDatabaseAhead;

	/**
	 * Creates an initializer that upgrades to {@code target}.
	 * @param migrations the facade to run
	 * @param target the startup target, e.g. {@code head}
	 */
	public MigrationsInitializer(Migrations migrations, String target) {
		this(migrations, target, null);
	}

	/**
	 * Creates an initializer that runs {@code strategy}, or upgrades to {@code target} when it is
	 * {@code null}.
	 * @param migrations the facade to run
	 * @param target the startup target, e.g. {@code head}
	 * @param strategy what to run instead of the upgrade, or {@code null}
	 */
	public MigrationsInitializer(Migrations migrations, String target, MigrationStrategy strategy) {
		Assert.notNull(migrations, "'migrations' must not be null");
		Assert.hasText(target, "'target' must not be empty");
		this.migrations = migrations;
		this.target = target;
		this.strategy = strategy;
	}

	/** Checks made before anything runs, e.g. that no other migration tool targets the same schema. */
	void setBeforeUpgrade(Runnable beforeUpgrade) {
		this.beforeUpgrade = beforeUpgrade;
	}

	/** The listener that logs each revision of this upgrade; {@code null} when the facade has none. */
	void setProgress(StartupProgressLog progress) {
		this.progress = progress;
	}

	/**
	 * Whether this start is a training run, which Spring ends once the beans are created
	 * ({@code -Dspring.context.exit=onRefresh}): the run that records a class-data sharing archive or an AOT cache
	 * while the application is built. The startup upgrade does not run there.
	 * @return {@code true} in a training run
	 */
	public static boolean isTrainingRun() {
		return DefaultLifecycleProcessor.ON_REFRESH_VALUE
			.equalsIgnoreCase(SpringProperties.getProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME));
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Whether a database ahead of this code stops the startup even when every revision of this code is
	 * applied (by default it starts, with a warning).
	 */
	public void setFailOnDatabaseAhead(boolean failOnDatabaseAhead) {
		this.failOnDatabaseAhead = failOnDatabaseAhead;
	}

	@Override
	public void afterPropertiesSet() {
		if (isTrainingRun()) {
			// Flyway's initializer migrates here; an image's build must not change the database its configuration names
			logger.info("The startup upgrade does not run in a training run ({}={}, which records a class-data sharing"
					+ " archive or an AOT cache): the database is not changed. The application upgrades it when it starts"
					+ " for real; should the training run need the schema at head, run `db upgrade` before it.",
					DefaultLifecycleProcessor.EXIT_PROPERTY_NAME, DefaultLifecycleProcessor.ON_REFRESH_VALUE);
			return;
		}
		this.beforeUpgrade.run();
		if (this.strategy != null) {
			this.strategy.migrate(this.migrations, this.target);
			return;
		}
		long start = System.nanoTime();
		CommandResult result;
		if (this.progress != null) {
			this.progress.start();
		}
		try {
			result = this.migrations.upgrade(this.target);
		}
		catch (UnknownAppliedRevisionException ex) {
			if (!aheadOfTheCode(ex)) {
				throw ex;
			}
			return;
		}
		catch (TargetException | UnknownRevisionException | AmbiguousRevisionException ex) {
			if (ex instanceof MultipleHeadsException) {
				// told by its own analysis, which suggests a merge
				throw ex;
			}
			throw new InvalidTargetException(this.target, ex);
		}
		finally {
			if (this.progress != null) {
				this.progress.stop();
			}
		}
		if (result == null) {
			// a facade that is a test's mock (@MockitoBean Migrations, as Flyway's users mock Flyway to keep a test
			// from migrating): it did nothing, and there is nothing to report
			logger.info("The Migrations bean upgraded nothing and returned no result (a mock?): the database was not"
					+ " changed");
			return;
		}
		if (result.steps().isEmpty()) {
			logger.info("Database is up to date at {} (target {})", describe(result.currentAfter()), this.target);
			return;
		}
		int count = result.steps().size();
		logger.info("Upgraded the database from {} to {}: {} revision{} in {} ms", describe(result.currentBefore()),
				describe(result.currentAfter()), count, (count == 1) ? "" : "s",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
	}

	/**
	 * Whether the database is ahead of this code with nothing of it left to run: revisions this code does
	 * not know are applied (a newer release upgraded the database, as in a rolling deploy or after a roll
	 * back of the code) and every revision of this code is applied. The application then starts, as it
	 * would have before the newer release's upgrade, with a warning; the health indicator and the endpoint
	 * list the unknown revisions as missing. With anything of this code pending the database has gone
	 * another way, and the startup fails.
	 */
	private boolean aheadOfTheCode(UnknownAppliedRevisionException ex) {
		if (this.failOnDatabaseAhead) {
			return false;
		}
		MigrationsStatus status = this.migrations.status();
		if (!status.pending().isEmpty() || !status.failed().isEmpty()) {
			return false;
		}
		List<String> unknown = ex.revisions();
		// every revision of this code is applied, so its heads are the newest of them
		new DatabaseAheadOfTheCode(unknown, status.heads(), status.modified()).rememberIn(this.environment);
		logger.warn("The database is ahead of this code: {} {} applied, which {} not among this application's revisions"
				+ " (a newer release upgraded it, or their files were removed). Every revision of this application is"
				+ " applied, so it starts without upgrading, at {}; /actuator/migrations lists {} as MISSING_FILE.",
				(unknown.size() == 1) ? "revision" : "revisions", String.join(", ", unknown),
				(unknown.size() == 1) ? "is" : "are", describe(status.current()), (unknown.size() == 1) ? "it" : "them");
		return true;
	}

	private static String describe(List<String> current) {
		return current.isEmpty() ? "base" : String.join(", ", current);
	}

	/** The facade this initializer runs. */
	public Migrations getMigrations() {
		return this.migrations;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
