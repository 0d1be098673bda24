package dev.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.dialect.Dialect;
import dev.migrations.diff.Difference;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.TargetResolver;
import dev.migrations.runner.AppliedRevision;
import dev.migrations.runner.CommandResult;
import dev.migrations.runner.DatabaseMigrator;
import dev.migrations.runner.DatabaseState;
import dev.migrations.runner.FailedRevisionException;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.tenant.Placeholders;
import dev.migrations.tenant.Tenant;
import dev.migrations.tenant.TenantCheck;
import dev.migrations.tenant.TenantChecks;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;

/**
 * One {@link Migrations} configuration applied to many tenants: the schemas listed, the schemas a
 * query returns, or named data sources (a database per tenant).
 * <pre>
 * TenantMigrations tenants = Migrations.configure().dataSource(dataSource).load()
 *     .tenants().schemaQuery("select nspname from pg_namespace where nspname like 'tenant\_%'").parallelism(8).build();
 * TenantRun run = tenants.upgrade("head");
 * if (!run.succeeded()) { log.error(run.summary()); }
 * </pre>
 * Each tenant has its own version tables (in its schema) and its own lock (keyed by its schema and
 * version table), so two processes upgrading the same tenants wait for each other tenant by tenant.
 * At most {@code parallelism} tenants run at a time, each on one connection at a time: a run uses at
 * most {@code parallelism} connections, plus one to run the tenant query first.
 * <p>
 * A failure in one tenant (a revision's SQL, its connection, its lock) is recorded in the run's
 * {@link TenantOutcome} and never stops the others; a command returns once every selected tenant
 * was tried. Running it again changes only the tenants not yet at the target.
 * <p>
 * {@code ${schema}} and {@code ${tenant}} in revision SQL become the tenant's schema and name
 * (see {@link Placeholders}). The configuration's {@link MigrationsConfiguration#listener listener} and
 * {@link MigrationsConfiguration#callbacks callbacks} are not applied to tenants; each tenant's outcome is logged
 * instead. Its {@link MigrationsConfiguration#baseline baseline} (and the refusal of a schema with tables and no
 * revision recorded) applies to each tenant's upgrade on its own, as to one schema.
 */
public final class TenantMigrations {

	private static final Logger logger = LoggerFactory.getLogger(TenantMigrations.class);

	/** How many tenants run at a time unless configured. */
	public static final int DEFAULT_PARALLELISM = 4;

	private final Migrations migrations;

	private final List<String> schemas;

	private final String schemaQuery;

	private final Map<String, DataSource> dataSources;

	private final int parallelism;

	/** The last failure of each tenant in this process, removed when a later run succeeds for it. */
	private final Map<String, TenantOutcome> lastFailures = new ConcurrentHashMap<>();

	private volatile TenantRun lastRun;

	private volatile PlaceholderUse placeholderUse;

	private TenantMigrations(Builder builder) {
		this.migrations = builder.migrations;
		this.schemas = List.copyOf(builder.schemas);
		this.schemaQuery = builder.schemaQuery;
		this.dataSources = new LinkedHashMap<>(builder.dataSources);
		this.parallelism = builder.parallelism;
	}

	/** Builds a {@link TenantMigrations}; start from {@link Migrations#tenants()}. */
	public static final class Builder {

		private final Migrations migrations;

		private final List<String> schemas = new ArrayList<>();

		private String schemaQuery;

		private final Map<String, DataSource> dataSources = new LinkedHashMap<>();

		private int parallelism = DEFAULT_PARALLELISM;

		Builder(Migrations migrations) {
			this.migrations = migrations;
		}

		/** Tenants that are schemas of the configured database, named by their schema. */
		public Builder schemas(String... schemas) {
			return schemas(Arrays.asList(schemas));
		}

		public Builder schemas(List<String> schemas) {
			this.schemas.addAll(schemas);
			return this;
		}

		/**
		 * A query run on the configured database whenever the tenants are needed, whose first column
		 * gives schema names (tenants created since are picked up by the next command).
		 */
		public Builder schemaQuery(String query) {
			this.schemaQuery = (query != null && !query.isBlank()) ? query : null;
			return this;
		}

		/**
		 * Tenants with a database of their own, by name; each is migrated in the configured schema (or
		 * its connection's default). They must be of the same kind of database as the configured one.
		 */
		public Builder dataSources(Map<String, ? extends DataSource> dataSources) {
			this.dataSources.putAll(dataSources);
			return this;
		}

		/** How many tenants run at a time (default {@value TenantMigrations#DEFAULT_PARALLELISM}). */
		public Builder parallelism(int parallelism) {
			if (parallelism < 1) {
				throw new IllegalArgumentException("The parallelism must be at least 1, not " + parallelism);
			}
			this.parallelism = parallelism;
			return this;
		}

		public TenantMigrations build() {
			if (this.schemas.isEmpty() && this.schemaQuery == null && this.dataSources.isEmpty()) {
				throw new MigrationsException("No tenants configured: give schemas, a query returning schema names, or data"
						+ " sources (migrations.tenants.schemas or migrations.tenants.query).");
			}
			if ((!this.schemas.isEmpty() || this.schemaQuery != null) && this.migrations.dataSource() == null) {
				throw new MigrationsException("Tenant schemas need the database they live in: configure a data source.");
			}
			return new TenantMigrations(this);
		}

	}

	public Migrations migrations() {
		return this.migrations;
	}

	public int parallelism() {
		return this.parallelism;
	}

	/**
	 * The tenants, in order: the schemas listed, then those the query returns (once each), then the
	 * named data sources. Runs the query, if any, each time.
	 */
	public List<Tenant> tenants() {
		Map<String, Tenant> tenants = new LinkedHashMap<>();
		Set<String> schemas = new LinkedHashSet<>(this.schemas);
		if (this.schemaQuery != null) {
			schemas.addAll(querySchemas());
		}
		for (String schema : schemas) {
			tenants.put(schema, new Tenant(schema, schema, this.migrations.dataSource()));
		}
		this.dataSources.forEach((name, dataSource) -> {
			if (tenants.putIfAbsent(name, new Tenant(name, this.migrations.schema(), dataSource)) != null) {
				throw new MigrationsException("Tenant " + name + " is both a schema and a data source: give them different"
						+ " names.");
			}
		});
		return List.copyOf(tenants.values());
	}

	private List<String> querySchemas() {
		List<String> schemas = new ArrayList<>();
		try (Connection connection = this.migrations.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.schemaQuery)) {
			while (rows.next()) {
				String schema = rows.getString(1);
				if (schema != null && !schema.isBlank()) {
					schemas.add(schema);
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not list the tenants with the query `" + this.schemaQuery + "`: "
					+ firstLine(ex.getMessage()) + ". Fix migrations.tenants.query: its first column must give schema names.",
					ex);
		}
		return schemas;
	}

	// ---- commands ----

	/** {@code db upgrade TARGET --tenant all}. */
	public TenantRun upgrade(String target) {
		return upgrade(target, TenantSelector.all());
	}

	/**
	 * Upgrades each selected tenant to the target, {@link #parallelism()} at a time, each as one schema is
	 * upgraded: a tenant up to date is not locked; one built before migrations managed it is adopted at the
	 * baseline (or refused) on its own; one in the middle of a squashed history goes on through the replaced
	 * revisions first.
	 */
	public TenantRun upgrade(String target, TenantSelector selector) {
		return run("upgrade", target, selector, (tenant) -> tenant.upgrade(target));
	}

	/** Downgrades each selected tenant to the target, {@link #parallelism()} at a time. */
	public TenantRun downgrade(String target, TenantSelector selector) {
		return run("downgrade", target, selector, (tenant) -> tenant.downgrade(target));
	}

	/** Stamps each selected tenant at the target without running anything. */
	public TenantRun stamp(String target, TenantSelector selector) {
		return run("stamp", target, selector, (tenant) -> tenant.stamp(target));
	}

	/** The last run of this instance, {@code null} before the first. */
	public TenantRun lastRun() {
		return this.lastRun;
	}

	private TenantRun run(String command, String target, TenantSelector selector,
			Function<Migrations, CommandResult> work) {
		this.migrations.checkLocations();
		requireKnownTarget(target);
		List<Tenant> selected = selector.select(tenants());
		long started = System.nanoTime();
		TenantRun run = null;
		RunShutdown shutdown = RunShutdown.register(command);
		try {
			Function<Tenant, TenantOutcome> notStarted = (tenant) -> new TenantOutcome(tenant.name(), null, null, NOT_STARTED,
					new MigrationsException(NOT_STARTED));
			List<TenantOutcome> outcomes = inParallel(selected,
					(tenant) -> shutdown.stopping() ? notStarted.apply(tenant) : runOne(command, target, tenant, work),
					notStarted);
			run = new TenantRun(command, target, outcomes, Math.min(this.parallelism, Math.max(1, selected.size())),
					Duration.ofNanos(System.nanoTime() - started));
		}
		finally {
			shutdown.ended(run);
		}
		this.lastRun = run;
		// the caller prints or logs the summary (the db commands on their output, the startup in its log or its
		// failure): logged here too, it would be read twice
		logger.debug("{}", run.summary());
		return run;
	}

	private static final String NOT_STARTED = "not started: the run was stopped (the process was shutting down, or the"
			+ " thread running it was interrupted). Nothing was run for this tenant; run the command again for it.";

	/**
	 * Keeps a tenant run from starting tenants once the process is shutting down (SIGTERM, Ctrl+C): each
	 * tenant's command stops at a revision's boundary on its own, but the run would then go on to the next
	 * tenant, whose command could no longer guard itself and would be halted with the JVM in the middle of a
	 * revision (a {@code transactional: false} one left {@code RUNNING}). A shutdown hook marks the run as
	 * stopping and waits for it to end, so the tenants under way finish and the others are reported as not
	 * started; what it says goes to standard error, as the process halts before the caller prints anything.
	 */
	private static final class RunShutdown {

		private final String command;

		private final CountDownLatch ended = new CountDownLatch(1);

		private final Thread hook;

		private final boolean registered;

		private volatile boolean stopping;

		private volatile TenantRun run;

		private RunShutdown(String command) {
			this.command = command;
			this.hook = new Thread(this::stop, "migrations-tenants-shutdown");
			boolean added;
			try {
				Runtime.getRuntime().addShutdownHook(this.hook);
				added = true;
			}
			catch (IllegalStateException ex) {
				// already shutting down: no tenant starts
				this.stopping = true;
				added = false;
			}
			catch (SecurityException ex) {
				added = false;
			}
			this.registered = added;
		}

		static RunShutdown register(String command) {
			return new RunShutdown(command);
		}

		/**
		 * Whether the process is shutting down: asked before each tenant, also of the JVM itself, since the
		 * hooks start together and a tenant's own hook may let its command end before this one ran.
		 */
		boolean stopping() {
			if (!this.stopping && this.registered) {
				Thread probe = new Thread(() -> {
				});
				try {
					Runtime.getRuntime().addShutdownHook(probe);
					Runtime.getRuntime().removeShutdownHook(probe);
				}
				catch (IllegalStateException ex) {
					this.stopping = true;
				}
			}
			return this.stopping;
		}

		private void stop() {
			this.stopping = true;
			System.err.println("migrations: the process is shutting down: the tenants under way complete the revision"
					+ " they run, and no other tenant starts");
			try {
				this.ended.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			TenantRun run = this.run;
			System.err.println("migrations: " + ((run != null) ? stopped(run) : "Stopped the tenants' " + this.command
					+ " (the process is shutting down); `db current --tenant all` shows where each tenant stands."));
		}

		private String stopped(TenantRun run) {
			List<String> notStarted = new ArrayList<>();
			// those not finished are behind as much as those not started: the command is run again for both
			List<String> notDone = new ArrayList<>();
			int failed = 0;
			for (TenantOutcome outcome : run.outcomes()) {
				if (NOT_STARTED.equals(outcome.error())) {
					notStarted.add(outcome.tenant());
					notDone.add(outcome.tenant());
				}
				else if (outcome.failed()) {
					failed++;
					notDone.add(outcome.tenant());
				}
			}
			int done = run.outcomes().size() - failed - notStarted.size();
			StringBuilder text = new StringBuilder("Stopped the tenants' ").append(this.command)
				.append(" (the process is shutting down): ").append(done).append(" of ").append(run.outcomes().size())
				.append(" tenant(s) done");
			if (failed > 0) {
				text.append(", ").append(failed).append(" not finished (the log says where each stopped or why it failed)");
			}
			text.append(", ").append(notStarted.size()).append(" not started");
			if (!notDone.isEmpty()) {
				text.append(": run the command again for those (--tenant ").append(TenantSelector.of(notDone).shellWord())
					.append(")");
			}
			return text.append('.').toString();
		}

		void ended(TenantRun run) {
			this.run = run;
			this.ended.countDown();
			if (this.registered) {
				try {
					Runtime.getRuntime().removeShutdownHook(this.hook);
				}
				catch (IllegalStateException ex) {
					// shutting down: the hook has run or is running, and is now released
				}
			}
		}

	}

	/**
	 * A target that names revisions is the same in every tenant: one naming none (a typo, a prefix of
	 * several) is refused once, before any tenant's schema or version table is made, rather than failing
	 * in each tenant. Steps ({@code -1}) count from where each tenant is, so they are left to each.
	 */
	private void requireKnownTarget(String target) {
		if (target != null && !RELATIVE_TARGET.matcher(target.strip()).matches()) {
			new TargetResolver(this.migrations.graph()).resolve(target);
		}
	}

	private static final Pattern RELATIVE_TARGET = Pattern.compile("[+-]\\d+");

	private TenantOutcome runOne(String command, String target, Tenant tenant, Function<Migrations, CommandResult> work) {
		TenantOutcome outcome;
		try {
			CommandResult result = work.apply(forTenant(tenant));
			if (!result.steps().isEmpty()) {
				logger.info("Tenant {}: {} {} ran {} revision(s), now at {}", tenant.name(), command, target,
						result.steps().size(), result.currentAfter().isEmpty() ? "base" : result.currentAfter());
			}
			outcome = new TenantOutcome(tenant.name(), result, null, null, null);
			this.lastFailures.remove(tenant.name());
		}
		catch (RuntimeException ex) {
			String revision = (ex instanceof MigrationFailedException failed) ? failed.revision()
					: (ex instanceof FailedRevisionException earlier && !earlier.revisions().isEmpty())
							? earlier.revisions().get(0) : null;
			// the commands it advises aimed at this tenant, as in the log: typed as written, they act on it
			outcome = new TenantOutcome(tenant.name(), null, revision, forTenant(why(ex), tenant.name()), ex);
			logger.warn("Tenant {}: {} {} failed: {}", tenant.name(), command, target, forTenant(ex.getMessage(), tenant.name()));
			this.lastFailures.put(tenant.name(), outcome);
		}
		return outcome;
	}

	/** A migrator that reads where the tenant stands (the revisions' placeholders are not replaced: nothing runs). */
	private DatabaseMigrator reader(Tenant tenant) {
		requireWholeSchemaName(tenant);
		MigrationsConfiguration configuration = this.migrations.configuration();
		return new DatabaseMigrator(tenant.dataSource(), this.migrations.dialect(), tenant.schema(),
				configuration.versionTable, this.migrations.graph(), configuration.lockTimeout,
				configuration.validateChecksums, this.migrations.performedBy(), MigrationsListener.NONE);
	}

	/** Whether the graph's SQL names a placeholder, looked at once per graph rather than once per tenant. */
	private boolean usesPlaceholders(RevisionGraph graph) {
		PlaceholderUse known = this.placeholderUse;
		if (known == null || known.graph() != graph) {
			known = new PlaceholderUse(graph, Placeholders.used(graph));
			this.placeholderUse = known;
		}
		return known.used();
	}

	private record PlaceholderUse(RevisionGraph graph, boolean used) {
	}

	/**
	 * A schema name longer than the database keeps is cut by PostgreSQL without an error, so two tenants
	 * whose names begin alike would be migrated in one schema, each believing it is its own.
	 */
	private void requireWholeSchemaName(Tenant tenant) {
		if (tenant.schema() == null) {
			return;
		}
		Dialect dialect = this.migrations.dialect();
		int length = dialect.identifierLength(tenant.schema());
		if (length > dialect.maxIdentifierLength()) {
			throw new MigrationsException("Tenant " + tenant.name() + ": its schema name has " + length + " "
					+ dialect.identifierLengthUnit() + ", and " + dialect.name() + " keeps at most "
					+ dialect.maxIdentifierLength() + " (longer names are cut or refused; cut, tenants whose names begin"
					+ " alike would share one schema). Nothing was run for this tenant. Give it a schema name of at most "
					+ dialect.maxIdentifierLength() + " " + dialect.identifierLengthUnit() + ".");
		}
	}

	private String schemaOf(Tenant tenant) {
		if (tenant.schema() != null) {
			return tenant.schema();
		}
		try (Connection connection = tenant.dataSource().getConnection()) {
			return this.migrations.dialect().currentSchema(connection);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the current schema of tenant " + tenant.name() + " to replace "
					+ Placeholders.SCHEMA + ": " + ex.getMessage(), ex);
		}
	}

	// ---- where the tenants stand ----

	/**
	 * Where the selected tenants stand, read {@link #parallelism()} at a time: counts by state and at
	 * most {@code limit} of the tenants not up to date, worst first. A tenant whose last upgrade in
	 * this process failed is {@link TenantState.State#FAILED}, with the revision and error, while it
	 * is still behind.
	 */
	public TenantsStatus status(TenantSelector selector, int limit) {
		List<TenantState> states = inParallel(selector.select(tenants()), this::readState);
		Map<TenantState.State, Integer> counts = new EnumMap<>(TenantState.State.class);
		for (TenantState.State state : TenantState.State.values()) {
			counts.put(state, 0);
		}
		List<TenantState> notUpToDate = new ArrayList<>();
		for (TenantState state : states) {
			counts.merge(state.state(), 1, Integer::sum);
			if (state.state() != TenantState.State.UP_TO_DATE) {
				notUpToDate.add(state);
			}
		}
		notUpToDate.sort(Comparator.comparing(TenantState::state));
		int listed = Math.min(Math.max(limit, 0), notUpToDate.size());
		return new TenantsStatus(states.size(), counts, notUpToDate.subList(0, listed), notUpToDate.size() - listed);
	}

	/** Where one tenant stands. */
	public TenantState state(String tenant) {
		return readState(find(tenant));
	}

	/** Everything {@link Migrations#status()} tells, for one tenant. */
	public MigrationsStatus status(String tenant) {
		this.migrations.checkLocations();
		return this.migrations.status(reader(find(tenant)).state());
	}

	/** {@code db current} of one tenant. */
	public List<String> current(String tenant) {
		return reader(find(tenant)).state().current();
	}

	/** {@code db history --tenant NAME}: every revision, newest first, with its state in the tenant. */
	public List<RevisionInfo> history(String tenant) {
		return forTenant(tenant).history();
	}

	/** {@code db show REV --tenant NAME}: one revision, with its state in the tenant. */
	public RevisionInfo show(String tenant, String revision) {
		return forTenant(tenant).show(revision);
	}

	/**
	 * The single-schema facade on one tenant: the same revisions (placeholders replaced for it),
	 * settings and entities, on its schema or database, so that every command of {@link Migrations}
	 * works on it: {@code status}, {@code history}, {@code show}, {@code check}, {@code lint} (weighed
	 * by its tables' sizes), {@code rehearse}, offline SQL. The configuration's listener and callbacks are
	 * not applied, as for the other tenant commands (its baseline is); prefer {@link #upgrade} for changes,
	 * which records failures for {@link #status}. The revision files are not read again.
	 */
	public Migrations forTenant(String tenant) {
		return forTenant(find(tenant));
	}

	// ---- drift ----

	/**
	 * {@code db check --tenant NAME}: the differences between the entities and the tenant's schema,
	 * empty when in sync (see {@link Migrations#check()}).
	 */
	public List<Difference> check(String tenant) {
		return forTenant(tenant).check();
	}

	/**
	 * {@code db check --tenant ...}: compares the entities with each selected tenant's schema,
	 * {@link #parallelism()} at a time (one connection each). A tenant that cannot be compared is
	 * recorded in its {@link TenantCheck} and the others go on.
	 */
	public TenantChecks check(TenantSelector selector) {
		List<Tenant> selected = selector.select(tenants());
		long started = System.nanoTime();
		List<TenantCheck> checks = inParallel(selected, (tenant) -> {
			try {
				return new TenantCheck(tenant.name(), forTenant(tenant).check(), null, null);
			}
			catch (RuntimeException ex) {
				// the command prints the reason for each tenant; a warning would come first on standard error with --format json
				logger.info("Tenant {}: check failed: {}", tenant.name(), ex.getMessage());
				return new TenantCheck(tenant.name(), List.of(), firstLine(ex.getMessage()), ex);
			}
		});
		return new TenantChecks(checks, Math.min(this.parallelism, Math.max(1, selected.size())),
				Duration.ofNanos(System.nanoTime() - started));
	}

	private Migrations forTenant(Tenant tenant) {
		requireWholeSchemaName(tenant);
		RevisionGraph graph = this.migrations.graph();
		if (usesPlaceholders(graph)) {
			graph = Placeholders.apply(graph, schemaOf(tenant), tenant.name());
		}
		// what its command says when a shutdown stops it advises commands aimed at the tenant, as its failures do
		return this.migrations.on(tenant.dataSource(), tenant.schema(), graph,
				(message) -> forTenant(message, tenant.name()));
	}

	private Tenant find(String name) {
		return TenantSelector.of(name).select(tenants()).get(0);
	}

	private TenantState readState(Tenant tenant) {
		DatabaseState state;
		try {
			state = reader(tenant).state();
		}
		catch (RuntimeException ex) {
			return new TenantState(tenant.name(), TenantState.State.UNREACHABLE, List.of(), 0, null, firstLine(ex.getMessage()));
		}
		TenantOutcome failure = this.lastFailures.get(tenant.name());
		TenantState.State kind;
		String revision = null;
		String error = null;
		if (!state.failed().isEmpty()) {
			kind = TenantState.State.FAILED;
			revision = state.failed().get(0);
			// after a restart, or when another instance ran it, the row says why
			error = (failure != null) ? failure.error() : recordedWhy(state.applied(), revision);
		}
		else if (failure != null && !state.pending().isEmpty()) {
			kind = TenantState.State.FAILED;
			revision = failure.failedRevision();
			error = failure.error();
		}
		else if (!state.modified().isEmpty()) {
			kind = TenantState.State.MODIFIED;
		}
		else if (!state.pending().isEmpty()) {
			kind = TenantState.State.BEHIND;
		}
		else {
			kind = TenantState.State.UP_TO_DATE;
		}
		return new TenantState(tenant.name(), kind, state.current(), state.pending().size(), revision, error);
	}

	// ---- running tenants a bounded number at a time ----

	private <T> List<T> inParallel(List<Tenant> tenants, Function<Tenant, T> work) {
		return inParallel(tenants, work, null);
	}

	/**
	 * @param notStarted for a run that changes tenants, what a tenant not started is when the calling thread is
	 * interrupted: the tenants under way stop at a revision's boundary and are waited for, rather than going on
	 * beside a caller that has moved on (an application closing its pool); {@code null} to fail at once
	 */
	private <T> List<T> inParallel(List<Tenant> tenants, Function<Tenant, T> work, Function<Tenant, T> notStarted) {
		if (tenants.isEmpty()) {
			return List.of();
		}
		int threads = Math.min(this.parallelism, tenants.size());
		if (notStarted != null) {
			// a tenant is not started on an interrupted thread: the caller's, one tenant after the other (the
			// interrupt is kept), or a worker's once the run took the interrupt
			Function<Tenant, T> started = work;
			work = (tenant) -> Thread.currentThread().isInterrupted() ? notStarted.apply(tenant) : started.apply(tenant);
		}
		if (threads == 1 || (notStarted != null && Thread.currentThread().isInterrupted())) {
			return tenants.stream().map(work).toList();
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, new TenantThreads());
		List<Future<T>> futures = new ArrayList<>(tenants.size());
		Function<Tenant, T> each = work;
		try {
			for (Tenant tenant : tenants) {
				futures.add(pool.submit(() -> each.apply(tenant)));
			}
			List<T> results = new ArrayList<>(tenants.size());
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			if (notStarted != null) {
				return afterInterrupt(tenants, futures, pool, notStarted);
			}
			Thread.currentThread().interrupt();
			throw new MigrationsException("Interrupted while running tenants: the tenants already started finish their"
					+ " current revision; run the command again for the rest.", ex);
		}
		catch (ExecutionException ex) {
			// work catches runtime exceptions itself: what reaches here is an Error
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new MigrationsException(ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The tenants not started are not started; those under way are waited for; the interrupt is kept. */
	private static <T> List<T> afterInterrupt(List<Tenant> tenants, List<Future<T>> futures, ExecutorService pool,
			Function<Tenant, T> notStarted) {
		// the tenants not started are taken off the queue; as one schema's command whose thread is interrupted, each
		// tenant under way stops at a revision's boundary
		Set<Runnable> neverRun = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		neverRun.addAll(pool.shutdownNow());
		try {
			while (true) {
				try {
					if (pool.awaitTermination(1, TimeUnit.DAYS)) {
						break;
					}
				}
				catch (InterruptedException again) {
					// the tenants under way still end first
				}
			}
			List<T> results = new ArrayList<>(tenants.size());
			for (int i = 0; i < tenants.size(); i++) {
				Future<T> future = (i < futures.size()) ? futures.get(i) : null;
				if (future == null || (future instanceof Runnable task && neverRun.contains(task))) {
					results.add(notStarted.apply(tenants.get(i)));
					continue;
				}
				try {
					results.add(future.get());
				}
				catch (ExecutionException failed) {
					if (failed.getCause() instanceof Error error) {
						throw error;
					}
					throw new MigrationsException(failed.getCause().getMessage(), failed.getCause());
				}
				catch (InterruptedException again) {
					// not reached: the task is done
					results.add(notStarted.apply(tenants.get(i)));
				}
			}
			return results;
		}
		finally {
			Thread.currentThread().interrupt();
		}
	}

	private static final class TenantThreads implements ThreadFactory {

		private static final AtomicInteger pools = new AtomicInteger();

		private final int pool = pools.incrementAndGet();

		private final AtomicInteger threads = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "migrations-tenants-" + this.pool + "-" + this.threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	/**
	 * The first line that says why: for a failed statement the file, line and the database's error
	 * (the exception's own first line only says which statement failed).
	 */
	static String why(RuntimeException failure) {
		if (failure instanceof MigrationFailedException failed && failed.getCause() instanceof SQLException sql) {
			return failed.source() + (failed.line() > 0 ? ":" + failed.line() : "") + ": " + firstLine(sql.getMessage());
		}
		if (failure instanceof FailedRevisionException failed && failed.mayBeRunningElsewhere()) {
			return "it did not complete: it may be running in another process (the lock does not reach across processes),"
					+ " or its process died, so nothing was run. If it died, finish or undo it by hand, then stamp this tenant"
					+ " (the log has the whole message).";
		}
		if (failure instanceof FailedRevisionException) {
			return "it did not complete in an earlier run (it ran outside a transaction), so nothing was run. Finish or"
					+ " undo it by hand, then stamp this tenant (the log has the whole message).";
		}
		return firstLine(failure.getMessage());
	}

	/**
	 * Why a revision is recorded as failed, in the form of {@link #why}: for a failed statement the file,
	 * line and the database's error, read back from the row's {@code error}; for a revision whose process
	 * died before it recorded the outcome, that it never completed.
	 */
	static String recordedWhy(List<AppliedRevision> rows, String revision) {
		AppliedRevision row = rows.stream().filter((r) -> r.revision().equals(revision)).reduce((a, b) -> b).orElse(null);
		if (row == null) {
			return null;
		}
		String error = row.error();
		if (error == null || error.isBlank() || row.underWay()) {
			// the note of one under way says when a downgrade started and how far it got
			String note = (error == null || error.isBlank()) ? "" : " " + firstLine(error);
			return "recorded as " + row.state() + ((row.appliedAt() != null) ? " since " + row.appliedAt() : "")
					+ ": it ran outside a transaction and never recorded completion (its process may have died)." + note
					+ " Finish or undo it by hand, then stamp this tenant.";
		}
		Matcher statement = RECORDED_STATEMENT.matcher(error);
		if (statement.find()) {
			return statement.group(1) + ":" + statement.group(2) + ": " + statement.group(3).strip();
		}
		return "recorded as " + row.state() + ": " + firstLine(error);
	}

	static String firstLine(String message) {
		if (message == null) {
			return "(no message)";
		}
		String stripped = message.strip();
		int newline = stripped.indexOf('\n');
		if (newline < 0) {
			return stripped;
		}
		String first = stripped.substring(0, newline).strip();
		if (first.endsWith(":")) {
			// a line introducing a list: the list's first item says what it is about
			String rest = stripped.substring(newline + 1).strip();
			int end = rest.indexOf('\n');
			String item = ((end < 0) ? rest : rest.substring(0, end)).strip();
			if (!item.isEmpty()) {
				return first + " " + item + ((end < 0) ? "" : " ...");
			}
		}
		return first;
	}

	/** The head of a failed statement's message as the runner records it, up to the database's first line. */
	private static final Pattern RECORDED_STATEMENT = Pattern.compile("^Revision \\S+ \\((.+)\\) failed at (?:upgrade|downgrade)"
			+ " statement \\d+ of \\d+ \\(line (\\d+)\\):\n(?: {4}.*\n)*(.+?)(?: \\[SQLState \\w+\\])?$", Pattern.MULTILINE);

	private static final Pattern COMMAND = Pattern.compile("`(db [^`]*)`");

	/** The commands that take {@code --tenant}: the others work on the revision files. */
	private static final Pattern TENANT_COMMAND = Pattern.compile(
			"db (upgrade|downgrade|stamp|current|check|history|show|heads|lint|rehearse)(\\s.*)?", Pattern.DOTALL);

	/** Options that work on one database, which those commands refuse with {@code --tenant}. */
	private static final Pattern ONE_DATABASE_OPTION = Pattern.compile("\\s--(sql|purge|rehearse)\\b|^db current\\s.*--verbose\\b");

	/**
	 * A message about one tenant with the {@code db} commands it advises aimed at that tenant: `db stamp 3f2a`
	 * becomes `db stamp 3f2a --tenant acme`, since the command alone would act on the default schema. A
	 * command that takes no {@code --tenant} (`db merge`, `db upgrade --sql`) is left as written.
	 */
	static String forTenant(String message, String tenant) {
		if (message == null) {
			return null;
		}
		String option = " --tenant " + TenantSelector.of(tenant).shellWord();
		Matcher matcher = COMMAND.matcher(message);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String command = matcher.group(1);
			boolean aimable = TENANT_COMMAND.matcher(command).matches() && !ONE_DATABASE_OPTION.matcher(command).find();
			String aimed = (command.contains("--tenant") || !aimable) ? command : command + option;
			matcher.appendReplacement(result, Matcher.quoteReplacement("`" + aimed + "`"));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
