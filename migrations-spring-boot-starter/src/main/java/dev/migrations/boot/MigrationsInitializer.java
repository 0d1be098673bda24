package dev.migrations.boot;

import dev.migrations.Migrations;
import dev.migrations.runner.CommandResult;
import dev.migrations.runner.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Brings the database up to date when the application starts. Beans that use the database (the JPA
 * {@code EntityManagerFactory}, {@code JdbcTemplate}...) are created after it, because
 * {@link MigrationsInitializerDatabaseInitializerDetector} reports it to Spring Boot as a database
 * initializer.
 */
public class MigrationsInitializer implements InitializingBean, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsInitializer.class);

	private final Migrations migrations;

	private final String target;

	private final MigrationStrategy strategy;

	private int order;

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

	@Override
	public void afterPropertiesSet() {
		if (this.strategy != null) {
			this.strategy.migrate(this.migrations, this.target);
			return;
		}
		CommandResult result = this.migrations.upgrade(this.target);
		if (result.steps().isEmpty()) {
			logger.info("Database is up to date at {} (target '{}')", describe(result), this.target);
			return;
		}
		for (StepResult step : result.steps()) {
			logger.info("Applied revision {} ({}) in {} ms", step.revision(), step.message(), step.executionMillis());
		}
		logger.info("Database upgraded from {} to {}", result.currentBefore().isEmpty() ? "base" : result.currentBefore(),
				describe(result));
	}

	private static Object describe(CommandResult result) {
		return result.currentAfter().isEmpty() ? "base" : result.currentAfter();
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
