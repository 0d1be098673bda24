package dev.migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.autogenerate.ViewRebuilds;
import dev.migrations.introspect.PostgresDependentViews;
import dev.migrations.schema.View;
import dev.migrations.autogenerate.Autogenerator;
import dev.migrations.baseline.Baseline;
import dev.migrations.baseline.ExistingSchema;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntityModel;
import dev.migrations.autogenerate.Comparison;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.PostgresDialect;
import dev.migrations.dialect.PostgresLockTable;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.Difference;
import dev.migrations.diff.Operation;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintResult;
import dev.migrations.lint.Linter;
import dev.migrations.rehearse.Rehearsal;
import dev.migrations.rehearse.RehearsalOptions;
import dev.migrations.rehearse.RehearsalReport;
import dev.migrations.render.OnlineForm;
import dev.migrations.render.PostgresRenderer;
import dev.migrations.render.RenderedStatement;
import dev.migrations.render.RevisionParts;
import dev.migrations.revision.DuplicateRevisionException;
import dev.migrations.revision.MissingRevisionLocationsException;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionException;
import dev.migrations.revision.RevisionFileParser;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.RevisionOptions;
import dev.migrations.revision.RevisionSources;
import dev.migrations.revision.SquashedHistory;
import dev.migrations.revision.TargetException;
import dev.migrations.revision.TargetResolver;
import dev.migrations.runner.AppliedRevision;
import dev.migrations.runner.CommandResult;
import dev.migrations.runner.DatabaseMigrator;
import dev.migrations.runner.SpareConnection;
import dev.migrations.runner.DatabaseState;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.runner.RevisionSteps;
import dev.migrations.runner.StepResult;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.squash.SquashException;
import dev.migrations.squash.SquashPlan;
import dev.migrations.squash.SquashResult;
import dev.migrations.squash.SquashedDatabases;
import dev.migrations.squash.Squasher;

/**
 * The commands of the tool as a plain Java API, the same verbs as the {@code db} shell commands:
 * <pre>
 * Migrations migrations = Migrations.configure().dataSource(dataSource).load();
 * migrations.upgrade("head");
 * </pre>
 * An instance holds the revisions read at {@link MigrationsConfiguration#load()}; the commands that write
 * revision files ({@link #revision}, {@link #merge}) read them again afterwards.
 */
public final class Migrations {

	// Not a static field: a cold startup connects before anything is logged, and the logging system starts
	// meanwhile on the thread reading the revision files (see FilesReading), not before the connection.
	private static Logger logger() {
		return LoggerFactory.getLogger(Migrations.class);
	}

	private final MigrationsConfiguration configuration;

	private final Dialect dialect;

	private final ClassLoader classLoader;

	private final List<String> locations;

	private final Supplier<String> performedBy;

	private volatile RevisionGraph graph;

	private volatile DatabaseMigrator migrator;

	/** What a command stopped by a shutdown says it advises, rewritten for the target (a tenant's: aimed at it). */
	private UnaryOperator<String> shutdownAdvice = UnaryOperator.identity();

	private volatile SquashedHistory squashedHistory;

	private volatile List<String> missingLocations = List.of();

	private final AtomicLong changes = new AtomicLong();

	// the entities cannot change while this instance lives: read once, on first use (the drift
	// monitor's scheduled checks reuse it)
	private final AtomicReference<EntityModel> entityModel;

	Migrations(MigrationsConfiguration configuration) {
		this.configuration = configuration;
		this.entityModel = new AtomicReference<>();
		this.classLoader = (configuration.classLoader != null) ? configuration.classLoader
				: Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
						: Migrations.class.getClassLoader();
		this.performedBy = new PerformedBy(configuration.installedBy);
		if (configuration.dialect != null || configuration.dataSource == null || mentionsVendor(configuration.locations)
				|| mentionsVendor(configuration.outputDirectory)) {
			this.dialect = (configuration.dialect != null) ? configuration.dialect : detectDialect(configuration);
			this.locations = withVendor(configuration.locations, this.dialect);
			reload();
			return;
		}
		// The dialect is found by connecting, and the files do not depend on it (no {vendor} in the
		// locations; only their SQL syntax, which is PostgreSQL's unless the database says otherwise):
		// they are read and parsed on a second thread meanwhile, so that a startup costs the longer of
		// the two instead of their sum. Errors are reported as if done one after the other: the
		// connection's first, then the files'.
		// Without Java revisions (instantiated on the calling thread), the history is built there too.
		boolean withHistory = configuration.javaPackages.isEmpty() && configuration.javaRevisions.isEmpty();
		FilesReading reading = FilesReading.start(configuration.outputDirectory, configuration.locations,
				this.classLoader, SqlSyntax.POSTGRESQL, withHistory);
		// On a data source that opens a new session per connection, the connection that finds the dialect is
		// kept for the first command (an application's startup upgrade) rather than closed and opened again.
		Connection kept = null;
		Dialect detected;
		try {
			if (SpareConnection.keepsFor(configuration.dataSource)) {
				kept = connectForDialect(configuration);
				detected = Dialect.detect(kept);
			}
			else {
				detected = detectDialect(configuration);
			}
		}
		catch (RuntimeException | Error ex) {
			closeQuietly(kept, ex);
			reading.awaitIgnoringFailure();
			throw ex;
		}
		try {
			this.dialect = detected;
			this.locations = withVendor(configuration.locations, detected);
			FilesRead files;
			if (detected.sqlSyntax() == SqlSyntax.POSTGRESQL) {
				files = reading.await();
			}
			else {
				// section lines are told from quoted text by the database's own syntax: read again with it
				reading.awaitIgnoringFailure();
				files = FilesRead.read(configuredOutputDirectory(), this.locations, this.classLoader,
						detected.sqlSyntax(), false);
			}
			apply(files);
		}
		catch (RuntimeException | Error ex) {
			closeQuietly(kept, ex);
			throw ex;
		}
		if (kept != null) {
			this.migrator.handOver(kept);
		}
	}

	private static void closeQuietly(Connection connection, Throwable failure) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static boolean mentionsVendor(List<String> locations) {
		for (String location : locations) {
			if (location.contains("{vendor}")) {
				return true;
			}
		}
		return false;
	}

	private static boolean mentionsVendor(Path outputDirectory) {
		return outputDirectory != null && outputDirectory.toString().contains("{vendor}");
	}

	/**
	 * The output directory configured, {@code {vendor}} in it replaced as in the locations
	 * ({@code src/main/resources/db/{vendor}} is {@code src/main/resources/db/postgresql} on PostgreSQL).
	 */
	private Path configuredOutputDirectory() {
		Path configured = this.configuration.outputDirectory;
		return (mentionsVendor(configured) && this.dialect != null)
				? Paths.get(configured.toString().replace("{vendor}", this.dialect.name())) : configured;
	}

	private static List<String> withVendor(List<String> configured, Dialect dialect) {
		List<String> locations = new ArrayList<>(configured.size());
		for (String location : configured) {
			locations.add(location.replace("{vendor}", dialect.name()));
		}
		return Collections.unmodifiableList(locations);
	}

	/**
	 * The same revisions, settings and entities on another target (a tenant's schema or database),
	 * without reading the revision files again: the graph given (a tenant's, placeholders replaced),
	 * no listener or callbacks. The baseline and the check of a schema with tables apply to each target: a
	 * tenant built before migrations managed it is adopted (or refused) on its own, as one schema is.
	 */
	private Migrations(Migrations source, DataSource dataSource, String schema, RevisionGraph graph,
			UnaryOperator<String> shutdownAdvice) {
		MigrationsConfiguration copy = source.configuration.copy();
		copy.dataSource = dataSource;
		copy.schema = schema;
		copy.dialect = source.dialect;
		copy.listener = MigrationsListener.NONE;
		copy.callbacks = List.of();
		this.configuration = copy;
		this.entityModel = source.entityModel;
		this.classLoader = source.classLoader;
		this.dialect = source.dialect;
		this.locations = source.locations;
		this.performedBy = source.performedBy;
		this.graph = graph;
		this.squashedHistory = source.squashedHistory;
		this.missingLocations = source.missingLocations;
		this.shutdownAdvice = shutdownAdvice;
		this.migrator = new DatabaseMigrator(dataSource, this.dialect, schema, copy.versionTable, graph, copy.lockTimeout,
				copy.validateChecksums, this.performedBy, MigrationsListener.NONE).shutdownAdvice(shutdownAdvice);
	}

	/**
	 * This configuration on another target, e.g. one tenant (see {@link TenantMigrations#forTenant}).
	 * @param shutdownAdvice rewrites where a command stopped by a shutdown says it stopped (a tenant's aims the
	 * command it advises at the tenant)
	 */
	Migrations on(DataSource dataSource, String schema, RevisionGraph graph, UnaryOperator<String> shutdownAdvice) {
		return new Migrations(this, dataSource, schema, graph, shutdownAdvice);
	}

	/** Starts a configuration. */
	public static MigrationsConfiguration configure() {
		return new MigrationsConfiguration();
	}

	private static Dialect detectDialect(MigrationsConfiguration configuration) {
		if (configuration.dataSource == null) {
			return new PostgresDialect();
		}
		try (Connection connection = connectForDialect(configuration)) {
			return Dialect.detect(connection);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the database product from the JDBC connection: " + ex.getMessage(), ex);
		}
	}

	private static Connection connectForDialect(MigrationsConfiguration configuration) {
		try {
			return configuration.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not connect to the database to detect its dialect: " + ex.getMessage()
					+ networkCause(ex), ex);
		}
	}

	/** What the network said below a driver's general "connection attempt failed", e.g. an unknown host. */
	private static String networkCause(Throwable failure) {
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return " (unknown host " + cause.getMessage() + ")";
			}
			if (cause instanceof ConnectException && cause.getMessage() != null
					&& (failure.getMessage() == null || !failure.getMessage().contains(cause.getMessage()))) {
				return " (" + cause.getMessage() + ")";
			}
		}
		return "";
	}

	private static String defaultPerformedBy() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "unknown-host";
		}
		return System.getProperty("user.name", "unknown") + "@" + host;
	}

	/** Who is recorded as applying revisions: found when first needed, as a no-op startup does not need it. */
	private static final class PerformedBy implements Supplier<String> {

		private volatile String name;

		PerformedBy(String name) {
			this.name = name;
		}

		@Override
		public String get() {
			String result = this.name;
			if (result == null) {
				result = defaultPerformedBy();
				this.name = result;
			}
			return result;
		}

	}

	/**
	 * Reads the revisions again from the locations.
	 * <p>
	 * While the configured {@linkplain MigrationsConfiguration#outputDirectory output directory} exists,
	 * it is the whole truth for the class path locations it mirrors (the output directory
	 * {@code src/main/resources/db/revisions} mirrors {@code classpath:db/revisions}): its files replace
	 * the class path copies with the same id, and a revision found only in the class path copy (a stale
	 * {@code target/classes} copy of a deleted file) is left out, with a warning naming the file.
	 */
	public void reload() {
		apply(FilesRead.read(configuredOutputDirectory(), this.locations, this.classLoader,
				this.dialect.sqlSyntax(), false));
	}

	/** Takes the revisions of the files read, with the Java revisions, as this instance's history. */
	private void apply(FilesRead files) {
		for (Stale stale : files.stale()) {
			Path output = configuredOutputDirectory();
			logger().warn("Revision file {} ({}) is on the class path but not in {}, which holds the revisions"
					+ " of {} while it exists: it is ignored. It is a stale copy of a deleted or moved file: run"
					+ " `mvn clean` (or delete it from the build output) to remove it, or put the file back in {}"
					+ " if it is still wanted.", stale.source(),
					(stale.revision() != null) ? "revision " + stale.revision()
							: "not a revision as it stands: " + stale.unparsable().lines().findFirst().orElse(""),
					output, stale.location(), output);
		}
		Loaded loaded = files.loaded();
		if (loaded == null) {
			// a class of the packages also given as an instance (a Spring bean, with the beans it injects; maybe a proxy,
			// a subclass) is that instance, not a second revision of the same id
			List<Revision> java = new ArrayList<>();
			for (Revision scanned : RevisionSources.loadJava(this.configuration.javaPackages, this.classLoader)) {
				Class<?> type = ((Revision.JavaBody) scanned.body()).implementation().getClass();
				if (this.configuration.javaRevisions.stream()
					.noneMatch((given) -> type.isInstance(given) && scanned.id().equals(given.revision()))) {
					java.add(scanned);
				}
			}
			java.addAll(RevisionSources.fromInstances(this.configuration.javaRevisions));
			loaded = Loaded.of(files, java);
		}
		this.squashedHistory = loaded.history();
		this.graph = loaded.graph();
		this.missingLocations = files.missing();
		this.migrator = new DatabaseMigrator(this.configuration.dataSource, this.dialect, this.configuration.schema,
				this.configuration.versionTable, loaded.graph(), this.configuration.lockTimeout,
				this.configuration.validateChecksums, this.performedBy, this.configuration.listener)
			.shutdownAdvice(this.shutdownAdvice);
		this.changes.incrementAndGet();
	}

	/**
	 * The {@code .sql} files of the locations, read and parsed, and nothing that needs an instance or
	 * logs, so that it can run on another thread: the locations that do not exist; the revisions of the
	 * locations, each source once, the output directory's files in place of their class path copies, without the
	 * stale copies of files missing from the output directory (listed apart, to be warned about); and the history
	 * built from them when there are no Java revisions to add ({@code null} otherwise).
	 */
	private record FilesRead(List<String> missing, List<Stale> stale, List<Revision> revisions, Loaded loaded) {

		/** A file's path with links and {@code ..} resolved, the source itself when it is no file of the disk. */
		private static String sameFile(String source) {
			try {
				return Paths.get(source).toRealPath().toString();
			}
			catch (IOException | RuntimeException ex) {
				return source;
			}
		}

		static FilesRead read(Path output, List<String> locations, ClassLoader classLoader, SqlSyntax syntax,
				boolean withHistory) {
			// the output directory stands in for the class path locations it mirrors, and only for them: with
			// locations elsewhere (a test's own revisions, another vendor's directory) its files are not read
			boolean outputExists = output != null && Files.isDirectory(output) && !isLocation(locations, output)
					&& locations.stream().anyMatch((location) -> mirrors(output, location, classLoader));
			Map<String, Revision> fromOutput = null;
			if (outputExists) {
				fromOutput = new LinkedHashMap<>();
				for (Revision revision : RevisionSources.loadSql(List.of("filesystem:" + output), classLoader, syntax)) {
					Revision first = fromOutput.putIfAbsent(revision.id(), revision);
					if (first != null) {
						throw new DuplicateRevisionException(revision.id(), first.source(), revision.source());
					}
				}
			}
			List<String> missing = new ArrayList<>();
			List<Stale> stale = new ArrayList<>();
			List<Revision> revisions = new ArrayList<>();
			Set<String> sources = new HashSet<>();
			// the output directory's files stand in for their copies on the class path, once each; a duplicate
			// anywhere else stays one, for the graph to refuse
			Set<String> replaced = new HashSet<>();
			for (String location : locations) {
				boolean mirrored = outputExists && mirrors(output, location, classLoader);
				if (!mirrored && !RevisionSources.exists(location, classLoader)) {
					missing.add(location);
				}
				// a copy that does not parse is stale too when the output directory lacks its file (deleted or renamed
				// to fix it), and stands for the output directory's file, read above, when it has it; a file of a jar
				// (a dependency's revisions in the same location) is no copy of the output directory's, and is reported
				List<Revision> located = !mirrored ? RevisionSources.loadSql(List.of(location), classLoader, syntax)
						: RevisionSources.loadSql(List.of(location), classLoader, syntax, (file, failure) -> {
							if (!inDirectory(file, classLoader)) {
								return false;
							}
							if (!Files.isRegularFile(counterpart(output, location, file))) {
								stale.add(new Stale(file, null, location, failure.getMessage()));
							}
							return true;
						});
				for (Revision revision : located) {
					// one file reached through two locations (a directory named twice, differently) is one revision
					if (!sources.add((locations.size() > 1) ? sameFile(revision.source()) : revision.source())) {
						continue;
					}
					if (mirrored) {
						Revision fresher = fromOutput.get(revision.id());
						// only a file of a directory (the build output) is a copy of the output directory's; a jar's
						// (a dependency's revisions in the same location) is a revision of its own
						if (fresher == null && inDirectory(revision.source(), classLoader)) {
							stale.add(new Stale(revision.source(), revision.id(), location, null));
							continue;
						}
						if (fresher != null && replaced.add(revision.id())) {
							revisions.add(fresher);
							continue;
						}
					}
					revisions.add(revision);
				}
			}
			if (outputExists) {
				// written since the last build: not on the class path yet
				for (Revision revision : fromOutput.values()) {
					if (!replaced.contains(revision.id())) {
						revisions.add(revision);
					}
				}
			}
			FilesRead files = new FilesRead(List.copyOf(missing), stale, revisions, null);
			if (!withHistory) {
				return files;
			}
			try {
				return files.withLoaded(Loaded.of(files, List.of()));
			}
			catch (RuntimeException ex) {
				// built again on the calling thread, which reports it after the warnings about stale files
				return files;
			}
		}

		FilesRead withLoaded(Loaded loaded) {
			return new FilesRead(this.missing, this.stale, this.revisions, loaded);
		}

	}

	/**
	 * A revision file on the class path left out because the output directory, which it mirrors, lacks it.
	 * @param source the file
	 * @param revision its revision, {@code null} when it does not parse
	 * @param location the class path location it is in
	 * @param unparsable why it does not parse, {@code null} when it does
	 */
	private record Stale(String source, String revision, String location, String unparsable) {
	}

	/**
	 * Whether the class path file read as {@code source} came from a directory (the build output), not a jar: of
	 * several with its name, the last one found is the one read.
	 */
	private static boolean inDirectory(String source, ClassLoader classLoader) {
		try {
			Enumeration<URL> found = ((classLoader != null) ? classLoader : ClassLoader.getSystemClassLoader())
				.getResources(source);
			URL last = null;
			while (found.hasMoreElements()) {
				last = found.nextElement();
			}
			return last != null && "file".equals(last.getProtocol());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The file of the output directory that a class path file of the location it mirrors is the copy of. */
	private static Path counterpart(Path output, String location, String source) {
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		path = path.replaceAll("^/+|/+$", "") + "/";
		String relative = source.replace('\\', '/');
		int at = relative.indexOf(path);
		relative = (at >= 0) ? relative.substring(at + path.length()) : Paths.get(source).getFileName().toString();
		return output.resolve(relative);
	}

	/** The history and graph of the revisions read. */
	private record Loaded(SquashedHistory history, RevisionGraph graph) {

		static Loaded of(FilesRead files, List<Revision> java) {
			List<Revision> all = files.revisions();
			if (!java.isEmpty()) {
				all = new ArrayList<>(all);
				all.addAll(java);
			}
			// while developing, the source directory is fresher than the copy on the class path: its files
			// replaced their copies as they were read (FilesRead.read), so new revisions apply without a rebuild
			SquashedHistory history = SquashedHistory.of(all);
			return new Loaded(history, RevisionGraph.of(history.revisions()));
		}

	}

	/**
	 * {@link FilesRead#read} on a thread of its own, started with the calling thread's context
	 * class loader. Every path out of the constructor waits for it, so the thread never outlives
	 * {@link MigrationsConfiguration#load()}.
	 */
	private static final class FilesReading implements Callable<FilesRead> {

		private final Path output;

		private final List<String> locations;

		private final ClassLoader classLoader;

		private final SqlSyntax syntax;

		private final boolean withHistory;

		private final FutureTask<FilesRead> task = new FutureTask<>(this);

		private volatile Thread thread;

		private FilesReading(Path output, List<String> locations, ClassLoader classLoader, SqlSyntax syntax,
				boolean withHistory) {
			this.output = output;
			this.locations = locations;
			this.classLoader = classLoader;
			this.syntax = syntax;
			this.withHistory = withHistory;
		}

		static FilesReading start(Path output, List<String> locations, ClassLoader classLoader, SqlSyntax syntax,
				boolean withHistory) {
			FilesReading reading = new FilesReading(output, locations, classLoader, syntax, withHistory);
			Thread thread = new Thread(reading.task, "migrations-read-revisions");
			thread.setDaemon(true);
			thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
			reading.thread = thread;
			thread.start();
			return reading;
		}

		@Override
		public FilesRead call() {
			FilesRead read = FilesRead.read(this.output, this.locations, this.classLoader, this.syntax, this.withHistory);
			// the logging system starts here, while the calling thread connects, rather than after the connection on
			// the calling thread, whose first logger (the migrator's) is created once both are done
			LoggerFactory.getILoggerFactory();
			return read;
		}

		/** The files read, or what reading them threw, as it was thrown. */
		FilesRead await() {
			try {
				return awaitUninterruptibly();
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new UndeclaredThrowableException(cause);
			}
		}

		void awaitIgnoringFailure() {
			try {
				awaitUninterruptibly();
			}
			catch (ExecutionException ex) {
				// not reported: what the caller is about to throw, or read again, comes first
			}
		}

		// Reading files cannot be interrupted half way any more than it could on the calling thread: an
		// interrupt meanwhile is kept for the caller.
		private FilesRead awaitUninterruptibly() throws ExecutionException {
			boolean interrupted = false;
			try {
				while (true) {
					try {
						return this.task.get(1, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
					catch (TimeoutException ex) {
						// a thread that died without setting the result (an error while recording its own error,
						// such as running out of memory) would leave the caller waiting for ever
						Thread reader = this.thread;
						if (reader != null && !reader.isAlive() && !this.task.isDone()) {
							throw new ExecutionException(new MigrationsException("The thread reading the revision files"
									+ " ended without a result (it may have run out of memory: raise -Xmx)."));
						}
					}
				}
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	/**
	 * Whether the output directory stands in for a class path location: it is its source (see
	 * {@link #mirrors(Path, String)}), and the location is a directory of the build output
	 * ({@code target/classes}), or not built yet. A location found only inside jars is a packaged
	 * application's, the whole truth wherever it runs: a {@code src/main/resources/db/revisions} in the
	 * directory it happens to run in is not read.
	 */
	private static boolean mirrors(Path output, String location, ClassLoader classLoader) {
		return mirrors(output, location) && !onlyInJars(location, classLoader);
	}

	private static boolean onlyInJars(String location, ClassLoader classLoader) {
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		path = path.replaceAll("^/+|/+$", "");
		try {
			Enumeration<URL> found = ((classLoader != null) ? classLoader : ClassLoader.getSystemClassLoader())
				.getResources(path);
			boolean any = false;
			while (found.hasMoreElements()) {
				any = true;
				if ("file".equals(found.nextElement().getProtocol())) {
					return false;
				}
			}
			return any;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether the output directory is the source of a class path location: its path ends with the
	 * location's path, as {@code src/main/resources/db/revisions} ends with {@code db/revisions}.
	 */
	private static boolean mirrors(Path output, String location) {
		if (location.startsWith("filesystem:")) {
			return false;
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		path = path.replaceAll("^/+|/+$", "");
		if (path.isEmpty()) {
			return false;
		}
		try {
			return output.toAbsolutePath().normalize().endsWith(Paths.get(path).normalize());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Fails when a configured location does not exist (unless that check is off): called first by
	 * every command that reads revisions, so that a typo in a location, or revisions missing from
	 * the build, is not taken for "no revisions".
	 */
	private void requireLocations() {
		List<String> missing = this.missingLocations;
		if (this.configuration.failOnMissingLocations && !missing.isEmpty()) {
			throw new MissingRevisionLocationsException(missing, outputDirectory().toString());
		}
	}

	private static boolean isLocation(List<String> locations, Path directory) {
		for (String location : locations) {
			if (location.startsWith("filesystem:") && Paths.get(location.substring("filesystem:".length())).toAbsolutePath()
				.normalize()
				.equals(directory.toAbsolutePath().normalize())) {
				return true;
			}
		}
		return false;
	}

	public RevisionGraph graph() {
		return this.graph;
	}

	public Dialect dialect() {
		return this.dialect;
	}

	/**
	 * How many times this instance has changed what {@link #status()} would report: each upgrade,
	 * downgrade, stamp and create-db once it has ended (failed or not), and each {@link #reload()}.
	 * A copy of the status read while the count was {@code n} is out of date once the count differs;
	 * changes made by other processes or other instances are not counted.
	 */
	public long changeCount() {
		return this.changes.get();
	}

	/** The locations after {@code {vendor}} substitution. */
	public List<String> locations() {
		return this.locations;
	}

	// ---- commands that write to the database ----

	/** {@code db upgrade TARGET}: applies revisions up to the target, under the database lock. */
	public CommandResult upgrade(String target) {
		requireLocations();
		try {
			return upgradeWithCallbacks(target);
		}
		finally {
			this.changes.incrementAndGet();
		}
	}

	/** {@code db downgrade TARGET}: reverts revisions down to the target, under the database lock. */
	public CommandResult downgrade(String target) {
		requireLocations();
		// in the middle of a squashed history, the rows are those of the replaced revisions, whose files go back
		DatabaseMigrator migrator = migratorFor(target, replacedTarget(target));
		try {
			return migrator.downgrade(target);
		}
		finally {
			this.changes.incrementAndGet();
		}
	}

	/**
	 * Single-revision upgrades and downgrades run as one command, e.g. each revision up, down and up again
	 * with a look at the schema in between (the test kit's stairway):
	 * <pre>
	 * try (RevisionSteps steps = migrations.steps()) {
	 *     steps.upgrade("3f2a9c1b7d4e");
	 *     steps.downgrade("3f2a9c1b7d4e");
	 * }
	 * </pre>
	 * The lock is taken and the version tables are read once, when the steps open; each step writes its
	 * version-table row and log entry as {@link #upgrade} and {@link #downgrade} do, in the same transaction as
	 * the revision. The {@linkplain MigrationsConfiguration#callbacks callbacks} and the baseline are not
	 * involved: the steps are not an upgrade to a target. Each step counts as a change
	 * ({@link #changeCount()}).
	 */
	public RevisionSteps steps() {
		requireLocations();
		return this.migrator.steps(this.changes::incrementAndGet);
	}

	/** {@code db stamp TARGET}: records the database as being at the target without running anything. */
	public CommandResult stamp(String target) {
		requireLocations();
		// a database in the middle of a squashed history (one whose revision there failed, told to stamp it or its
		// parent) stamps a replaced revision over the revisions as they were before the squash
		Revision replaced = replacedTarget(target);
		DatabaseMigrator migrator = (replaced != null) ? migratorFor(target, replaced) : this.migrator;
		try {
			// the stamp `db upgrade` advises on a schema with tables and no recorded revision adopts it as the baseline does
			return migrator.stamp(target, (connection) -> {
				ExistingSchema existing = existingSchema(connection);
				return existing.hasTables() && !existing.managedBefore();
			});
		}
		finally {
			this.changes.incrementAndGet();
		}
	}

	/** {@code db upgrade TARGET --sql}: the script the upgrade would run, including the version-table statements. */
	public String upgradeSql(String target) {
		requireLocations();
		requireScriptTargets(target);
		// with a database, the script follows what the online upgrade would do with a schema that has tables
		// and no recorded revision: stamp the baseline, or refuse
		boolean range = target.indexOf(':') >= 0;
		return (this.configuration.dataSource != null && !range)
				? this.migrator.upgradeScript(target, baselineDecision()) : this.migrator.upgradeScript(target);
	}

	/** {@code db downgrade TARGET --sql}. */
	public String downgradeSql(String target) {
		requireLocations();
		requireScriptTargets(target);
		return this.migrator.downgradeScript(target);
	}

	// ---- commands that read ----

	/** {@code db current}: the applied revisions that no other applied revision has as a parent. */
	public List<String> current() {
		requireLocations();
		return this.migrator.state().current();
	}

	/**
	 * What each revision recorded as not completed (failed, or running when its process died) says: when it
	 * started, what failed, and the {@code db stamp} commands that record it either way, as an upgrade would
	 * refuse with, then, on PostgreSQL, the indexes left INVALID by a concurrent build that did not finish, with the
	 * statements that drop them. Empty when every recorded revision completed.
	 */
	public List<String> failures() {
		requireLocations();
		return this.migrator.failures();
	}

	/**
	 * Whether the configured schema exists (on MariaDB a database); {@code true} when none is configured. One that
	 * does not is at base until the first upgrade creates it.
	 */
	public boolean schemaExists() {
		return this.migrator.schemaExists();
	}

	/**
	 * The indexes of the migrated schema left INVALID by a {@code CREATE} or {@code REINDEX INDEX CONCURRENTLY} that
	 * did not finish (PostgreSQL; empty elsewhere), whatever the version table records: {@code db check} reports them.
	 */
	public List<Dialect.InvalidIndex> invalidIndexes() {
		return this.migrator.invalidIndexes();
	}

	/** {@code db heads}: the heads of the revision graph. */
	public List<RevisionInfo> heads() {
		List<RevisionInfo> heads = new ArrayList<>();
		for (String id : this.graph.heads()) {
			heads.add(info(this.graph.get(id), null));
		}
		return heads;
	}

	/** Where the database stands: current, pending, modified, and every revision's state. */
	public MigrationsStatus status() {
		requireLocations();
		DatabaseState state = this.migrator.state();
		return new MigrationsStatus(state.current(), this.graph.heads(), state.pending(), state.modified(), state.missing(),
				state.failed(), history(state));
	}

	/** {@code db history}: every revision, newest first, with its state when a database is configured. */
	public List<RevisionInfo> history() {
		return history((this.configuration.dataSource != null) ? this.migrator.state() : null);
	}

	/**
	 * {@code db history} from the revision files alone: every revision, newest first, without a state, as
	 * Alembic's {@code history} prints it. Touches no database (for when it cannot be reached).
	 */
	public List<RevisionInfo> historyOfFiles() {
		return history(null);
	}

	/** {@code db show REV}: one revision (id or unique prefix, {@code head} or {@code label@head}). */
	public RevisionInfo show(String revision) {
		Revision found = this.graph.get(named(revision));
		DatabaseState state = (this.configuration.dataSource != null) ? this.migrator.state() : null;
		return info(found, state);
	}

	/** {@code db show REV} from the revision file alone, without its state: touches no database. */
	public RevisionInfo showOfFile(String revision) {
		return info(this.graph.get(named(revision)), null);
	}

	// one revision by id or prefix, or by head or label@head (the advice for a branch label names label@head)
	private String named(String revision) {
		if (revision.equalsIgnoreCase("head") || revision.endsWith("@head")) {
			List<String> ids = new TargetResolver(this.graph).resolve(revision.equalsIgnoreCase("head") ? "head" : revision);
			if (ids.isEmpty()) {
				throw new MigrationsException("There are no revisions yet, so no head: write one with `db revision -m"
						+ " \"...\"` or `db migrate -m \"...\"`.");
			}
			return ids.get(0);
		}
		Revision replaced = replacedTarget(revision);
		if (replaced != null) {
			Revision squash = squashReplacing(replaced.id());
			if (squash != null) {
				throw new TargetException("'" + revision.strip() + "' is revision " + replaced.id() + " (" + replaced.source()
						+ "), which squash " + squash.id() + " (" + squash.source() + ") replaces: `db show " + squash.id()
						+ "` shows the squash.");
			}
		}
		return this.graph.resolve(revision).id();
	}

	private List<RevisionInfo> history(DatabaseState state) {
		List<RevisionInfo> infos = new ArrayList<>();
		Map<String, AppliedRevision> rows = rowsById(state);
		if (state != null) {
			for (String missing : state.missing()) {
				AppliedRevision row = rows.get(missing);
				infos.add(new RevisionInfo(row.revision(), row.downRevisions(), row.message(), null, List.of(), List.of(),
						false, RevisionInfo.State.MISSING_FILE, row.appliedAt(), row.executionMillis(), row.checksum(),
						row.appliedBy(), row.checksum()));
			}
			// an upgrade that stopped half-way (or is under way) of a revision this release has no file for
			for (AppliedRevision row : state.applied()) {
				if (state.failed().contains(row.revision()) && !state.missing().contains(row.revision())
						&& !this.graph.contains(row.revision())
						&& !this.squashedHistory.replacedRevisions().containsKey(row.revision())) {
					infos.add(new RevisionInfo(row.revision(), row.downRevisions(), row.message(), null, List.of(),
							List.of(), false, RevisionInfo.State.FAILED, row.appliedAt(), row.executionMillis(),
							row.checksum(), row.appliedBy(), row.checksum(), row.error()));
				}
			}
		}
		// Indexed once: the actuator endpoint asks for this on every request.
		Set<String> heads = Set.copyOf(this.graph.heads());
		Set<String> failed = (state != null) ? Set.copyOf(state.failed()) : Set.of();
		Set<String> modified = (state != null) ? Set.copyOf(state.modified()) : Set.of();
		List<Revision> ordered = new ArrayList<>(this.graph.revisions());
		Collections.reverse(ordered);
		// a revision whose upgrade another session is running now is pending, though it has a row
		Set<String> pending = (state != null) ? Set.copyOf(state.pending()) : Set.of();
		for (Revision revision : ordered) {
			AppliedRevision row = rows.get(revision.id());
			if (row != null && pending.contains(revision.id()) && !failed.contains(revision.id())) {
				row = null;
			}
			infos.add(info(revision, state != null, row, heads.contains(revision.id()),
					failed.contains(revision.id()), modified.contains(revision.id())));
			if (state != null && revision.isSquash()) {
				addMidway(infos, revision, rows, failed, Set.copyOf(state.missing()));
			}
		}
		return infos;
	}

	// a database in the middle of a squashed history: the revisions the squash replaces, newest first, each
	// applied or pending as the database recorded it (pending ones run before the squash is recorded)
	private void addMidway(List<RevisionInfo> infos, Revision squash, Map<String, AppliedRevision> rows, Set<String> failed,
			Set<String> missing) {
		if (rows.containsKey(squash.id())
				|| squash.replaces().stream().noneMatch((id) -> rows.containsKey(id) && !missing.contains(id))) {
			return;
		}
		List<String> replaced = new ArrayList<>(squash.replaces());
		Collections.reverse(replaced);
		for (String id : replaced) {
			AppliedRevision row = rows.get(id);
			Revision file = this.squashedHistory.replacedRevisions().get(id);
			if (file != null) {
				infos.add(info(file, true, row, false, failed.contains(id), row != null && row.checksum() != null
						&& file.checksum() != null && !row.checksum().equals(file.checksum())));
			}
			else if (row != null) {
				infos.add(new RevisionInfo(id, row.downRevisions(), row.message(), null, List.of(), List.of(), false,
						failed.contains(id) ? RevisionInfo.State.FAILED : RevisionInfo.State.APPLIED, row.appliedAt(),
						row.executionMillis(), row.checksum(), row.appliedBy(), row.checksum(),
						failed.contains(id) ? row.error() : null));
			}
			else {
				// its file is gone: the next upgrade is refused until it is back (or the squash is stamped)
				infos.add(new RevisionInfo(id, List.of(), "", null, List.of(), List.of(), false,
						RevisionInfo.State.PENDING, null, null, null, null));
			}
		}
	}

	private RevisionInfo info(Revision revision, DatabaseState state) {
		AppliedRevision row = rowsById(state).get(revision.id());
		return info(revision, state != null, row, this.graph.heads().contains(revision.id()),
				state != null && state.failed().contains(revision.id()),
				state != null && state.modified().contains(revision.id()));
	}

	private static Map<String, AppliedRevision> rowsById(DatabaseState state) {
		Map<String, AppliedRevision> rows = new LinkedHashMap<>();
		if (state != null) {
			state.applied().forEach((row) -> rows.put(row.revision(), row));
		}
		return rows;
	}

	private static RevisionInfo info(Revision revision, boolean withDatabase, AppliedRevision row, boolean head,
			boolean failed, boolean modified) {
		RevisionInfo.State revisionState = null;
		if (withDatabase) {
			revisionState = (row == null) ? RevisionInfo.State.PENDING : failed ? RevisionInfo.State.FAILED
					: modified ? RevisionInfo.State.MODIFIED : RevisionInfo.State.APPLIED;
		}
		return new RevisionInfo(revision.id(), revision.downRevisions(), revision.message(), revision.source(),
				revision.branchLabels(), revision.dependsOn(), head, revisionState, (row != null) ? row.appliedAt() : null,
				(row != null) ? row.executionMillis() : null, revision.checksum(), (row != null) ? row.appliedBy() : null,
				(row != null) ? row.checksum() : null,
				(revisionState == RevisionInfo.State.FAILED) ? row.error() : null);
	}

	// ---- autogenerate and drift ----

	/**
	 * {@code db check}: the differences between the entities and the database, empty when in sync.
	 * Reads only; the entities are materialised in a scratch schema that is always rolled back.
	 * Indexes no entity can declare (expression keys, GIN/GiST methods, partial unique indexes, from
	 * hand-written revisions) are not differences: {@link #compare}'s {@code unmanaged()} lists them.
	 */
	public List<Difference> check() {
		List<Difference> differences = new ArrayList<>(compare(DiffOptions.defaults()).differences());
		differences.addAll(invalidIndexDifferences());
		return List.copyOf(differences);
	}

	/**
	 * The indexes a concurrent build that did not finish left INVALID ({@link #invalidIndexes()}) as differences of
	 * kind {@code INDEX_INVALID}, each saying what to do: what {@link #check()}, {@code db check} and the drift report
	 * list besides {@link #compare}'s differences. Such an index matches the entities on paper, but queries do not use it.
	 */
	public List<Difference> invalidIndexDifferences() {
		List<Difference> differences = new ArrayList<>();
		for (Dialect.InvalidIndex index : invalidIndexes()) {
			if (!checkedTable(tableName(index.table()))) {
				// a table the comparison leaves out (another application's, a library's): not this application's drift
				continue;
			}
			differences.add(new Difference("INDEX_INVALID", index.table(), index.table() + ": index " + index.name()
					+ " is INVALID (a CREATE or REINDEX INDEX CONCURRENTLY that did not finish left it so): queries do not"
					+ " use it; " + (leftByReindex(index.name()) ? "drop it with `DROP INDEX CONCURRENTLY IF EXISTS "
							+ index.name() + ";` (a REINDEX CONCURRENTLY that did not finish left this copy; the index"
							+ " it rebuilt is still there)"
							: "once what made the build fail is fixed, rebuild it with `REINDEX INDEX CONCURRENTLY "
									+ index.name() + ";`, or drop it with `DROP INDEX CONCURRENTLY IF EXISTS " + index.name()
									+ ";` and create it again")));
		}
		return differences;
	}

	/** Whether the comparison looks at a table (by its name as stored): the configured filter, without the version and other tools' tables. */
	private boolean checkedTable(String table) {
		String versionTable = this.configuration.versionTable;
		return !table.equals(versionTable) && !table.equals(versionTable + "_log") && this.configuration.tableFilter.test(table)
				&& !this.configuration.otherToolTables.configuredNames().contains(table.toLowerCase(Locale.ROOT));
	}

	/** The table's name as stored, from its qualified name as SQL writes it ({@code public."Ledger"} is {@code Ledger}). */
	static String tableName(String qualified) {
		if (!qualified.endsWith("\"")) {
			return qualified.substring(qualified.lastIndexOf('.') + 1);
		}
		StringBuilder name = new StringBuilder();
		int i = qualified.length() - 2;
		while (i >= 0) {
			char c = qualified.charAt(i);
			if (c == '"') {
				if (i > 0 && qualified.charAt(i - 1) == '"') {
					name.append('"');
					i -= 2;
					continue;
				}
				break;
			}
			name.append(c);
			i--;
		}
		return name.reverse().toString();
	}

	// PostgreSQL names the copy a REINDEX CONCURRENTLY builds <index>_ccnew (then _ccnew1, ...), and the index it
	// replaced <index>_ccold once swapped
	private static boolean leftByReindex(String index) {
		return index.matches("(?s).*_cc(new|old)\\d*\"?");
	}

	/** The full comparison behind {@link #check()} and {@link #migrate}. */
	public Comparison compare(DiffOptions options) {
		Autogenerator autogenerator = autogenerator();
		DiffOptions effective = this.configuration.ignoreExtraIndexes ? options.withIgnoreExtraIndexes(true) : options;
		try (Connection connection = requireDataSource().getConnection()) {
			String schema = (this.configuration.schema != null) ? this.configuration.schema : this.dialect.currentSchema(connection);
			return autogenerator.compare(connection, schema, effective);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not compare the entities with the database: " + ex.getMessage(), ex);
		}
	}

	/** How {@code db migrate} writes what it generates when the call does not say: plain, or the online form. */
	public MigrateOptions migrateOptions() {
		return this.configuration.migrateOptions;
	}

	/** {@code db migrate -m MSG}: writes a revision that brings the database to the entities, proposing renames. */
	public MigrateResult migrate(String message) {
		return migrate(message, DiffOptions.defaults());
	}

	/**
	 * {@code db migrate -m MSG}: compares the entities with the database and writes a revision with
	 * the upgrade and its derived downgrade. The database must be at the head, so the revision is
	 * generated against the schema the existing revisions produce. Writes nothing when there is no change.
	 */
	public MigrateResult migrate(String message, DiffOptions options) {
		return migrate(message, options, this.configuration.migrateOptions);
	}

	/**
	 * {@code db migrate -m MSG}, plain or in the online form ({@link MigrateOptions#onlineForm()}): a change
	 * then becomes a chain of revisions, each with its downgrade, which {@link MigrateResult#files()}
	 * lists in the order they run. A change whose transaction would take more locks than half the server's
	 * lock table ({@link PostgresLockTable#budget}), such as thousands of new tables, is written as a chain of
	 * parts that each fit ({@link RevisionParts}), messages ending {@code (part 2 of 5)}.
	 */
	public MigrateResult migrate(String message, DiffOptions options, MigrateOptions migrateOptions) {
		requireLocations();
		if (message == null || message.isBlank()) {
			throw new MigrationsException("A revision needs a message: pass -m \"what it does\".");
		}
		// what cannot work at all (another database than PostgreSQL, no entities) is said before what to do first
		autogenerator();
		requireAtHead();
		Comparison comparison = compare(options);
		if (comparison.inSync()) {
			// what the comparison left out or cannot write (another schema, a collation) is said even so
			return new MigrateResult(null, null, List.of(), List.of(), comparison.warnings(), true, List.of());
		}
		// the views reading a column the change alters the type of are dropped and created again around it
		List<View> views = viewsReading(comparison.operations());
		if (migrateOptions != null && migrateOptions.online()) {
			return writeOnline(message, comparison, migrateOptions, views);
		}
		PostgresRenderer renderer = new PostgresRenderer();
		// the comparison's own (what it left out or cannot write), then the warnings of the statements written: a
		// mapping trap (a @Lob as oid) is warned where its column changes
		List<String> warnings = new ArrayList<>(comparison.warnings());
		warnings.addAll(ViewRebuilds.warnings(comparison.operations(), views, true));
		if (this.configuration.schema != null) {
			warnings.addAll(ViewRebuilds.namingTheSchema(views, this.configuration.schema));
		}
		List<Operation> operations = ViewRebuilds.around(comparison.operations(), views, warnings, true, true);
		List<Path> files = new ArrayList<>();
		List<String> parents = this.graph.heads();
		List<Operation> change = operations;
		Rendered rendered = Rendered.of(renderer, comparison.operations(), views, warnings);
		if (!rendered.transactional()) {
			// PostgreSQL cannot use an enum label in the transaction that added it. Rather than run the whole
			// revision (and its downgrade's type swap) outside a transaction, the labels get a revision of their
			// own that commits first; both revisions then run transactionally. A label renamed goes with them, as a
			// label may be added after it (ADD VALUE 'REVIEW' AFTER 'DONE' once CLOSED is renamed DONE).
			List<Operation> whole = comparison.operations();
			List<Operation> labels = whole.stream().filter(Operation::changesEnumLabelsInPlace).toList();
			List<Operation> rest = Operation.afterLabelChanges(labels,
					whole.stream().filter((op) -> !op.changesEnumLabelsInPlace()).toList());
			// the labels' downgrade swaps the type: the checks and indexes naming its labels go around it there, and
			// only there (the upgrade adds the labels alone, rebuilding no index), and so do the views reading them
			Rendered first = new Rendered(renderer.render(labels), renderer.renderDowngrade(ViewRebuilds.around(
					Operation.labelsWithDependents(labels, whole), views, warnings, false, true)));
			Rendered second = Rendered.of(renderer, rest, views, warnings);
			rest = ViewRebuilds.around(rest, views, warnings, true, true);
			if (!labels.isEmpty() && !rest.isEmpty() && first.transactional() && second.transactional()) {
				Path labelsFile = writeGenerated(message + " (enum labels)", parents, first, List.of(), warnings);
				files.add(labelsFile);
				parents = List.of(revisionId(labelsFile));
				change = rest;
				rendered = second;
			}
		}
		// a transaction holds a lock on each table it creates or drops: a change heavier than the server's lock
		// table can hold in one becomes a chain of revisions that each fit (a non-transactional one holds none)
		List<List<Operation>> parts = rendered.transactional()
				? RevisionParts.cut(change, rendered.upgrade(), rendered.downgrade(), this::lockBudget) : List.of(change);
		if (parts.size() == 1) {
			files.add(writeGenerated(message, parents, rendered, List.of(), warnings));
		}
		else {
			List<List<RenderedStatement>> upgrades = renderer.renderParts(parts);
			List<List<RenderedStatement>> downgrades = renderer.renderDowngradeParts(parts);
			for (int i = 0; i < parts.size(); i++) {
				String part = "part " + (i + 1) + " of " + parts.size();
				Path file = writeGenerated(message + " (" + part + ")", parents,
						new Rendered(upgrades.get(i), downgrades.get(i)),
						List.of(Character.toUpperCase(part.charAt(0)) + part.substring(1) + ": the change takes more locks"
								+ " than one transaction should hold on this server (half of max_locks_per_transaction ×"
								+ " max_connections), so it is cut into revisions applied in this order; each downgrade"
								+ " undoes only its own revision."),
						warnings);
				files.add(file);
				parents = List.of(revisionId(file));
			}
		}
		Path last = files.get(files.size() - 1);
		return new MigrateResult(last, revisionId(last), operations, comparison.differences(), warnings,
				rendered.transactional(), files);
	}

	/** The views (and those reading them) reading a column the operations alter the type of or drop. */
	private List<View> viewsReading(List<Operation> operations) {
		Set<String> columns = ViewRebuilds.columns(operations);
		if (columns.isEmpty()) {
			return List.of();
		}
		try (Connection connection = requireDataSource().getConnection()) {
			String schema = (this.configuration.schema != null) ? this.configuration.schema : this.dialect.currentSchema(connection);
			return PostgresDependentViews.reading(connection, schema, columns, ViewRebuilds.enumColumns(operations));
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not connect to read the views of the columns the change alters: "
					+ ex.getMessage() + ". Check the connection.", ex);
		}
	}

	/** The most one revision's transaction may weigh on the server ({@link PostgresLockTable#budget}). */
	private int lockBudget() {
		try (Connection connection = requireDataSource().getConnection()) {
			return PostgresLockTable.budget(connection);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not connect to read the server's lock table size: " + ex.getMessage()
					+ ". Check the connection.", ex);
		}
	}

	/** Operations rendered once, upgrade and downgrade. */
	private record Rendered(List<RenderedStatement> upgrade, List<RenderedStatement> downgrade) {

		/** Each direction with the views it changes the columns of dropped and created again around it. */
		static Rendered of(PostgresRenderer renderer, List<Operation> operations, List<View> views, List<String> warnings) {
			return new Rendered(renderer.render(ViewRebuilds.around(operations, views, warnings, true, false)),
					renderer.renderDowngrade(ViewRebuilds.around(operations, views, warnings, false, true)));
		}

		boolean transactional() {
			return this.upgrade.stream().noneMatch(RenderedStatement::requiresNoTransaction)
					&& this.downgrade.stream().noneMatch(RenderedStatement::requiresNoTransaction);
		}

	}

	private Path writeGenerated(String message, List<String> parents, Rendered rendered, List<String> note,
			List<String> warnings) {
		rendered.upgrade().forEach((statement) -> statement.warnings().stream()
			.filter((warning) -> !warnings.contains(warning)).forEach(warnings::add));
		StringBuilder upgradeText = new StringBuilder();
		upgradeText.append("-- Generated by `db migrate` from the JPA entities: review it before applying.\n");
		note.forEach((line) -> upgradeText.append("-- ").append(line).append('\n'));
		if (!rendered.transactional()) {
			upgradeText.append("-- Not transactional: PostgreSQL cannot use an enum label added in the same transaction.\n");
		}
		upgradeText.append(RenderedStatement.script(rendered.upgrade()));
		return write(message, parents, upgradeText.toString(), RenderedStatement.script(rendered.downgrade()),
				rendered.transactional() ? "" : "-- transactional: false\n");
	}

	/** The online form's chain of revisions, each on top of the one before. */
	private MigrateResult writeOnline(String message, Comparison comparison, MigrateOptions migrateOptions,
			List<View> views) {
		List<OnlineForm.Step> steps = new OnlineForm(migrateOptions.effectiveLockTimeout(), this::lockBudget)
			.steps(comparison.operations());
		List<String> warnings = new ArrayList<>(comparison.warnings());
		warnings.addAll(ViewRebuilds.warnings(comparison.operations(), views, false));
		List<Path> files = new ArrayList<>();
		List<String> parents = this.graph.heads();
		boolean transactional = true;
		for (OnlineForm.Step step : steps) {
			step.upgrade().forEach((statement) -> warnings.addAll(statement.warnings()));
			StringBuilder upgradeText = new StringBuilder();
			upgradeText.append("-- Generated by `db migrate` from the JPA entities: review it before applying.\n");
			step.note().forEach((line) -> upgradeText.append("-- ").append(line).append('\n'));
			upgradeText.append(RenderedStatement.script(step.upgrade()));
			Path file = write(message + step.messageSuffix(), parents, upgradeText.toString(),
					RenderedStatement.script(step.downgrade()), step.transactional() ? "" : "-- transactional: false\n");
			files.add(file);
			parents = List.of(revisionId(file));
			transactional &= step.transactional();
		}
		Path last = files.get(files.size() - 1);
		return new MigrateResult(last, revisionId(last), comparison.operations(), comparison.differences(), warnings,
				transactional, files);
	}

	private static String revisionId(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.indexOf('_'));
	}

	/**
	 * {@code db create-db}: on a database with no revisions recorded, creates the schema the entities
	 * describe and stamps the head, in one transaction when it fits (fresh installs). A schema too large for one
	 * transaction on the server's lock table is created in parts, each in its own transaction, cut as
	 * {@link #migrate} cuts its revisions; when a part fails, those before it are dropped again. Refuses when
	 * any entity table already exists or anything would have to be dropped or changed.
	 */
	public CommandResult createDb() {
		requireLocations();
		try {
			return createFromEntitiesAndStamp();
		}
		finally {
			this.changes.incrementAndGet();
		}
	}

	private CommandResult createFromEntitiesAndStamp() {
		Autogenerator autogenerator = autogenerator();
		String stampTarget = this.graph.isEmpty() ? "base" : (this.graph.heads().size() == 1 ? "head" : "heads");
		return this.migrator.createAndStamp((connection) -> {
			String schema = (this.configuration.schema != null) ? this.configuration.schema : this.dialect.currentSchema(connection);
			Comparison comparison = autogenerator.compare(connection, schema, DiffOptions.defaults()
				.withRenameMode(dev.migrations.diff.RenameMode.DROP_AND_ADD));
			List<String> existing = new ArrayList<>();
			for (var table : comparison.entities().tables()) {
				if (comparison.database().table(table.name()).isPresent()) {
					existing.add(table.name());
				}
			}
			List<String> changes = comparison.operations().stream()
				.filter((op) -> !(op instanceof Operation.CreateTable || op instanceof Operation.CreateEnumType
						|| op instanceof Operation.CreateSequence || op instanceof Operation.AddForeignKey
						|| op instanceof Operation.CreateIndex || op instanceof Operation.DropTable
						|| op instanceof Operation.DropSequence || op instanceof Operation.DropEnumType))
				.map(Operation::describe)
				.toList();
			if (!existing.isEmpty() || !changes.isEmpty()) {
				throw new MigrationsException("create-db is for empty databases, but "
						+ (!existing.isEmpty() ? "tables " + existing + " already exist" : "the schema differs: " + changes)
						+ ". Use `db upgrade` to apply revisions, or `db stamp` if the schema is already right.");
			}
			// Objects the entities do not own are left alone: create-db never drops anything.
			List<Operation> creations = comparison.operations().stream()
				.filter((op) -> !(op instanceof Operation.DropTable || op instanceof Operation.DropSequence
						|| op instanceof Operation.DropEnumType))
				.toList();
			// a schema too large for one transaction on the server is created in parts, as db migrate writes it
			PostgresRenderer renderer = new PostgresRenderer();
			List<RenderedStatement> upgrade = renderer.render(creations);
			List<RenderedStatement> downgrade = renderer.renderDowngrade(creations);
			List<List<Operation>> cut = RevisionParts.cut(creations, upgrade, downgrade,
					() -> PostgresLockTable.budget(connection));
			if (cut.size() == 1) {
				return List.of(new DatabaseMigrator.Part(sql(upgrade), sql(downgrade)));
			}
			List<DatabaseMigrator.Part> parts = new ArrayList<>(cut.size());
			for (List<Operation> part : cut) {
				parts.add(new DatabaseMigrator.Part(sql(renderer.render(part)), sql(renderer.renderDowngrade(part))));
			}
			return parts;
		}, stampTarget);
	}

	private static List<String> sql(List<RenderedStatement> statements) {
		return statements.stream().map(RenderedStatement::sql).toList();
	}

	private void requireAtHead() {
		List<String> heads = this.graph.heads();
		if (heads.size() > 1) {
			throw new MigrationsException("The revisions have " + heads.size() + " heads (" + String.join(", ", heads)
					+ "): join them with `db merge -m \"merge heads\"` before generating a new revision.");
		}
		DatabaseState state = this.migrator.state();
		if (!state.failed().isEmpty()) {
			throw new MigrationsException("Revisions " + String.join(", ", state.failed()) + " are recorded as failed: resolve"
					+ " them (see `db history`) before generating a new revision.");
		}
		if (!state.missing().isEmpty()) {
			// generated now, the revision would undo what they did (a shared database with another branch's revision)
			throw new MigrationsException("The database has " + (state.missing().size() == 1 ? "revision " : "revisions ")
					+ String.join(", ", state.missing()) + " applied, which " + (state.missing().size() == 1 ? "is" : "are")
					+ " not among the revision files: a revision generated now would undo what "
					+ (state.missing().size() == 1 ? "it" : "they") + " did. The database is ahead of this code, or has another"
					+ " branch's revisions (a database shared with other developers), or their files were deleted after they"
					+ " were applied: merge or check out the code that has them, or restore the files and `db downgrade` them,"
					+ " before generating a new revision.");
		}
		if (!state.pending().isEmpty()) {
			throw new MigrationsException("The database is not up to date: " + state.pending().size() + " revision(s) pending ("
					+ String.join(", ", state.pending()) + "). Run `db upgrade` first, so the new revision is generated against"
					+ " the schema the existing revisions produce.");
		}
	}

	private Autogenerator autogenerator() {
		// what cannot work at all comes before what to configure
		if (!this.dialect.supportsAutogenerate()) {
			throw new MigrationsException("Autogenerate (db migrate, db check, db create-db) supports PostgreSQL; "
					+ this.dialect.name() + " is not supported yet. Write revisions by hand with `db revision`.");
		}
		if (this.configuration.entities == null) {
			throw new MigrationsException("No entities are configured: autogenerate needs the JPA entity classes"
					+ " (MigrationsConfiguration.entities(...); the Spring Boot starter passes the application's).");
		}
		String versionTable = this.configuration.versionTable;
		Predicate<String> user = this.configuration.tableFilter;
		Set<String> otherTools = this.configuration.otherToolTables.configuredNames();
		return new Autogenerator(this.configuration.entities,
				(table) -> !table.equals(versionTable) && !table.equals(versionTable + "_log") && user.test(table)
						&& !otherTools.contains(table.toLowerCase(Locale.ROOT)),
				this.configuration.sequenceFilter, this.entityModel);
	}

	private DataSource requireDataSource() {
		if (this.configuration.dataSource == null) {
			throw new MigrationsException("No DataSource is configured: this command needs the database.");
		}
		return this.configuration.dataSource;
	}

	// ---- safety on production: lint and rehearsal ----

	/**
	 * {@code db lint}: checks revisions for statements that are correct but unsafe on a large, busy
	 * PostgreSQL (locks that block reads or writes for a scan or rewrite, statements that fail in a
	 * transaction, renames and drops the running code still reads). With a DataSource it lints the
	 * pending revisions and weighs findings by the tables' sizes; without, every revision.
	 */
	public LintResult lint() {
		return lint(LintOptions.defaults());
	}

	/** {@code db lint} with options: which revisions, severities, rules turned off, row thresholds. */
	public LintResult lint(LintOptions options) {
		requireLocations();
		requirePostgres("Lint");
		boolean database = options.useDatabase() && this.configuration.dataSource != null;
		Set<String> scope = lintScope(options, database);
		EntityModel entities = (this.configuration.entities != null) ? readEntityModel() : null;
		return new Linter(options, entities, database ? this.configuration.dataSource : null, this.configuration.schema)
			.lint(this.graph.revisions(), scope::contains);
	}

	private Set<String> lintScope(LintOptions options, boolean database) {
		return switch (options.scope()) {
			case ALL -> ids(this.graph.revisions());
			case DEFAULT -> database ? Set.copyOf(this.migrator.state().pending()) : ids(this.graph.revisions());
			case PENDING -> {
				requireDataSource();
				yield Set.copyOf(this.migrator.state().pending());
			}
			case NAMED -> ids(options.revisions().stream().map(this.graph::resolve).toList());
		};
	}

	private static Set<String> ids(List<Revision> revisions) {
		return Set.copyOf(revisions.stream().map(Revision::id).toList());
	}

	private EntityModel readEntityModel() {
		EntityModel model = this.entityModel.get();
		if (model == null) {
			model = new EntityMetadataReader().read(this.configuration.entities);
			this.entityModel.compareAndSet(null, model);
		}
		return model;
	}

	/**
	 * {@code db upgrade TARGET --rehearse}: runs the revisions an upgrade to the target would apply on a
	 * copy of the database ({@code CREATE DATABASE ... TEMPLATE}, dropped afterwards), and reports per
	 * statement its time, the locks it took and the rows it touched. The database is left unchanged.
	 */
	public RehearsalReport rehearse(String target) {
		return rehearse(target, RehearsalOptions.copy());
	}

	/** {@link #rehearse(String)} on a copy reached with other credentials, or in a rolled-back transaction. */
	public RehearsalReport rehearse(String target, RehearsalOptions options) {
		requireLocations();
		requirePostgres("Rehearsal");
		DataSource dataSource = requireDataSource();
		// the copy is made from the database with no other session on it: the one loading kept would stop it
		this.migrator.closeSpare();
		return new Rehearsal(target, options, this.dialect, this.configuration.schema,
				(database) -> upgradePlan(database, target)).run(dataSource);
	}

	/** The revisions an upgrade of {@code database} to {@code target} would apply, refusing where the upgrade would. */
	private List<Revision> upgradePlan(DataSource database, String target) {
		DatabaseMigrator migrator = new DatabaseMigrator(database, this.dialect, this.configuration.schema,
				this.configuration.versionTable, this.graph, this.configuration.lockTimeout, false, this.performedBy,
				MigrationsListener.NONE);
		DatabaseState state = migrator.state();
		if (!state.failed().isEmpty()) {
			throw new MigrationsException("Revisions " + state.failed() + " are recorded as failed, so an upgrade would"
					+ " refuse to run: resolve them first (see `db history`).");
		}
		if (this.configuration.validateChecksums && !state.modified().isEmpty()) {
			throw new MigrationsException("Applied revisions " + state.modified() + " were modified after they were applied,"
					+ " so an upgrade would refuse to run: restore them, or `db stamp` them to accept the new content.");
		}
		List<String> applied = state.applied().stream().map(AppliedRevision::revision).toList();
		if (state.applied().isEmpty()) {
			// as the upgrade would: the baseline is recorded without running, or a schema with tables refuses
			applied = migrator.baselineRevisions(baselineDecision());
		}
		return new TargetResolver(this.graph).upgrade(target, applied).requireUpgradeStatements(this.dialect.sqlSyntax())
			.steps();
	}

	private void requirePostgres(String what) {
		if (!this.dialect.name().equals("postgresql")) {
			throw new MigrationsException(what + " supports PostgreSQL; " + this.dialect.name() + " is not supported.");
		}
	}

	// ---- commands that write revision files ----

	/** The directory {@code db revision} and {@code db migrate} write to. */
	public Path outputDirectory() {
		if (this.configuration.outputDirectory != null) {
			return configuredOutputDirectory();
		}
		return MigrationsConfiguration.outputDirectoryOf(this.locations);
	}

	/**
	 * {@code db init}: creates the revisions directory. It works while a configured location is
	 * missing (it is how one is created), and reads the revisions again afterwards.
	 */
	public Path init() {
		Path directory = outputDirectory();
		if (Files.exists(directory) && !Files.isDirectory(directory)) {
			Path absolute = directory.toAbsolutePath().normalize();
			throw new MigrationsException("The revisions directory " + directory.toAbsolutePath() + " is a file, not a"
					+ " directory: point migrations.locations (or migrations.generate.output-dir) at the directory holding"
					+ " the revision files (" + absolute.getParent() + ").");
		}
		try {
			if (Files.isDirectory(directory)) {
				try (Stream<Path> files = Files.list(directory)) {
					long count = files.filter((p) -> p.toString().endsWith(".sql")).count();
					if (count > 0) {
						throw new MigrationsException("The revisions directory " + directory.toAbsolutePath() + " already exists with "
								+ count + " revision(s): nothing to initialise. Use `db revision -m \"...\"` or `db migrate -m \"...\"`.");
					}
				}
			}
			Files.createDirectories(directory);
			try {
				// the directory may be a location, or mirror one, that was missing
				reload();
			}
			catch (RevisionException ex) {
				// a broken file elsewhere is reported by the next command
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + directory.toAbsolutePath(), ex);
		}
	}

	/** {@code db revision -m MSG}: writes an empty revision on top of the single head. */
	public Path revision(String message) {
		return revision(message, null, "", "");
	}

	/**
	 * Writes a revision with the given sections on top of {@code head} (an id, prefix or {@code head};
	 * {@code null} means the single head, which must exist alone).
	 */
	public Path revision(String message, String head, String upgradeSql, String downgradeSql) {
		List<String> parents;
		if (head == null || head.equals("head")) {
			List<String> heads = this.graph.heads();
			if (heads.size() > 1) {
				throw new MigrationsException("There are " + heads.size() + " heads (" + String.join(", ", heads)
						+ "): a new revision needs one parent. Join them first with `db merge -m \"merge heads\"`, or name the parent"
						+ " with `--head <revision>` to start a branch from it.");
			}
			parents = heads;
		}
		else if (head.equals("base")) {
			parents = List.of();
		}
		else {
			parents = List.of(this.graph.resolve(head).id());
		}
		return write(message, parents, upgradeSql, downgradeSql, "");
	}

	/**
	 * {@code db merge -m MSG [REVS]}: writes a revision joining the given heads (default: all heads). As Alembic,
	 * a revision that is not a head, or that is an ancestor of another one given, is refused and nothing written.
	 */
	public Path merge(String message, List<String> revisions) {
		List<String> parents = new ArrayList<>();
		if (revisions == null || revisions.isEmpty()) {
			parents.addAll(this.graph.heads());
		}
		else {
			for (String revision : revisions) {
				String id = this.graph.resolve(revision).id();
				if (!parents.contains(id)) {
					parents.add(id);
				}
			}
			// as Alembic: a merge joins heads, none of them already an ancestor of another
			for (String parent : parents) {
				for (String other : parents) {
					if (!other.equals(parent) && this.graph.ancestors(other).contains(parent)) {
						throw new MigrationsException("Revision " + parent + " is already an ancestor of " + other
								+ ": a merge of them would be redundant; name heads only (the heads are "
								+ String.join(", ", this.graph.heads()) + "). Nothing was written.");
					}
				}
			}
			for (String parent : parents) {
				if (!this.graph.heads().contains(parent)) {
					throw new MigrationsException("Revision " + parent + " is not a head revision (it has children: "
							+ String.join(", ", this.graph.children(parent)) + "); a merge joins heads: name some of "
							+ String.join(", ", this.graph.heads()) + ", or none to join them all. Nothing was written.");
				}
			}
		}
		if (parents.size() < 2) {
			throw new MigrationsException("Nothing to merge: " + (parents.isEmpty() ? "there are no revisions"
					: "there is a single head, " + parents.get(0)) + ". A merge joins two or more heads.");
		}
		return write(message, parents, "", "", "");
	}

	/**
	 * Refuses to write beside revision files this instance did not read: a packaged application reads its own
	 * revisions, so one written before its last build (by it or by a teammate) would not be a parent of the
	 * next, which would start a second head, and {@code db upgrade} would not run it.
	 */
	private void requireOutputDirectoryRead(Path directory) {
		Set<String> read = new HashSet<>();
		this.graph.revisions().forEach((revision) -> read.add(RevisionFileParser.fileName(revision.source())));
		this.squashedHistory.replacedRevisions().values()
			.forEach((revision) -> read.add(RevisionFileParser.fileName(revision.source())));
		List<String> unread;
		try (Stream<Path> files = Files.list(directory)) {
			unread = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".sql") && !name.startsWith(".") && !read.contains(name))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return;
		}
		if (!unread.isEmpty()) {
			throw new MigrationsException(directory + " holds " + unread.size() + " revision file(s) this application did"
					+ " not read (" + String.join(", ", unread.subList(0, Math.min(5, unread.size())))
					+ (unread.size() > 5 ? ", ..." : "") + "): it reads its revisions from " + String.join(", ", this.locations)
					+ ", built before they were written, so a new revision would not follow them (a second head) and `db"
					+ " upgrade` would not run them. Nothing was written. Rebuild the application (e.g. `./mvnw package`) and"
					+ " run the command again, or generate revisions from the sources with the Maven plugin (`mvn"
					+ " migrations:migrate`).");
		}
	}

	private Path write(String message, List<String> parents, String upgradeSql, String downgradeSql, String extraHeaders) {
		return write(message, parents, upgradeSql, downgradeSql, extraHeaders, null);
	}

	private Path write(String message, List<String> parents, String upgradeSql, String downgradeSql, String extraHeaders,
			String givenId) {
		if (message == null || message.isBlank()) {
			throw new MigrationsException("A revision needs a message: pass -m \"what it does\".");
		}
		Path directory = outputDirectory();
		if (!Files.isDirectory(directory)) {
			throw new MigrationsException("The revisions directory " + directory.toAbsolutePath()
					+ " does not exist: run `db init` first (or set migrations.generate.output-dir).");
		}
		// the parents come from the revisions: all of them must have been read
		requireLocations();
		requireOutputDirectoryRead(directory);
		String id = (givenId != null) ? givenId : newRevisionId();
		// every character that breaks a line (U+2028, U+0085, ...) or controls the terminal becomes a space:
		// the header is one line
		String oneLine = message.replaceAll("(?U)[\\s\\p{Cc}]+", " ").strip();
		String text = revisionText(directory, id, parents, oneLine, Instant.now().truncatedTo(ChronoUnit.SECONDS),
				extraHeaders, upgradeSql, downgradeSql);
		Path file = directory.resolve(id + "_" + slug(oneLine) + ".sql");
		Map<Path, String> dryRun = DRY_RUN.get();
		if (dryRun != null) {
			dryRun.put(file, text);
			return file;
		}
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file.toAbsolutePath(), ex);
		}
		try {
			reload();
		}
		catch (RevisionException ex) {
			// The file is written; a broken graph elsewhere is reported by the next command.
		}
		return file;
	}

	/**
	 * The text of a new revision file: the directory's {@value #REVISION_TEMPLATE} filled in when there is
	 * one, else the standard layout.
	 */
	private static String revisionText(Path directory, String id, List<String> parents, String message, Instant created,
			String extraHeaders, String upgradeSql, String downgradeSql) {
		String downRevision = parents.isEmpty() ? "none" : String.join(", ", parents);
		Path template = directory.resolve(REVISION_TEMPLATE);
		if (Files.isRegularFile(template)) {
			return fillTemplate(template, id, downRevision, message, created, extraHeaders, upgradeSql, downgradeSql);
		}
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ").append(downRevision).append('\n');
		text.append("-- message: ").append(message).append('\n');
		text.append("-- created: ").append(created).append('\n');
		text.append(extraHeaders);
		text.append('\n').append("-- upgrade\n").append(sectionText(upgradeSql)).append('\n');
		text.append("-- downgrade\n").append(sectionText(downgradeSql));
		return text.toString();
	}

	private static String sectionText(String sql) {
		if (sql == null || sql.isBlank()) {
			return "\n";
		}
		return sql.endsWith("\n") ? sql : sql + "\n";
	}

	private String newRevisionId() {
		while (true) {
			byte[] bytes = new byte[6];
			RandomHolder.RANDOM.nextBytes(bytes);
			String id = HexFormat.of().formatHex(bytes);
			boolean clash = this.graph.revisions().stream()
				.anyMatch((r) -> r.id().startsWith(id.substring(0, 4)) || id.startsWith(r.id()));
			if (!clash) {
				return id;
			}
		}
	}

	/** Set up when a revision id is first needed: seeding a SecureRandom is not free, and startup needs none. */
	private static final class RandomHolder {

		static final SecureRandom RANDOM = new SecureRandom();

	}

	static String slug(String message) {
		// accents off first (café is cafe, not caf_), so the name stays ASCII and readable; other scripts drop out
		String ascii = java.text.Normalizer.normalize(message.replace("ß", "ss"), java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("_+$", "");
		}
		return slug.isEmpty() ? "revision" : slug;
	}


	// ---- squashing ----

	/**
	 * {@code db squash REV [-m MSG]}: writes one revision standing for the history up to {@code revision}
	 * (that revision and every one before it: SQL files whose branches all merge again by that revision). Its upgrade
	 * creates the schema those revisions produce, read from a scratch schema where they are applied (see
	 * {@link Squasher}), and is checked before anything is written; its {@code replaces} header lists the
	 * revisions it stands for. The replaced files stay: new databases start from the squash, databases
	 * that recorded the point are at the squash, and databases in the middle go on through the replaced
	 * files on their next upgrade (see {@link SquashedDatabases}). PostgreSQL only.
	 * @param revision the squash point: an id or unique prefix
	 * @param message the squash's message, {@code null} for one naming the point
	 * @return the file written and what it replaces
	 * @throws SquashException when the history cannot be squashed or the squash does not rebuild its schema
	 */
	public SquashResult squash(String revision, String message) {
		requireLocations();
		refuseSquashingReplaced(revision);
		SquashPlan plan = new Squasher(requireDataSource(), this.dialect, this.configuration.versionTable,
				this.configuration.lockTimeout).plan(this.graph, revision);
		int count = plan.replaces().size();
		String effective = (message == null || message.isBlank()) ? "squash of " + count + " revisions up to " + plan.point()
				: message;
		List<String> sources = new ArrayList<>();
		for (String id : plan.replaces()) {
			Revision replaced = this.graph.find(id).orElse(this.squashedHistory.replacedRevisions().get(id));
			if (replaced != null) {
				sources.add(replaced.source());
			}
		}
		String upgrade = "-- Generated by `db squash` from the schema the " + count + " revisions it replaces produce (up to "
				+ plan.point() + "),\n-- checked by applying it to a scratch schema. New databases start here; databases that"
				+ " recorded\n-- " + plan.point() + " are at this revision.\n" + plan.upgradeSql();
		String headers = "-- replaces: " + String.join(", ", plan.replaces()) + "\n"
				+ (plan.transactional() ? "" : "-- transactional: false\n");
		Path file = write(effective, List.of(), upgrade, plan.downgradeSql(), headers);
		return new SquashResult(file, revisionId(file), plan.point(), plan.replaces(), sources, plan.tables());
	}

	/**
	 * A squash up to a revision an earlier squash replaces (the same point again, or one inside that history): the
	 * graph alone would say there is no such revision, though its file is there.
	 */
	private void refuseSquashingReplaced(String revision) {
		Revision replaced = replacedTarget(revision);
		if (replaced == null) {
			return;
		}
		Revision squash = squashReplacing(replaced.id());
		if (squash == null) {
			return;
		}
		List<String> heads = this.graph.heads();
		String next;
		if (heads.equals(List.of(squash.id()))) {
			next = "Nothing follows " + squash.id() + " yet: squash again once revisions after it are written.";
		}
		else if (heads.size() == 1) {
			next = "Name a revision after " + squash.id() + " (`db squash " + heads.get(0)
					+ "`): a squash replaces the earlier squash too.";
		}
		else {
			next = "Name a revision after " + squash.id() + ": a squash replaces the earlier squash too.";
		}
		throw new SquashException("Cannot squash up to " + revision.strip() + ": squash " + squash.id() + " ("
				+ squash.source() + ") already replaces it (revision " + replaced.id() + "), and every revision before it."
				+ " Nothing was written. " + next);
	}

	/** The squash that replaces the revision, {@code null} for none. */
	private Revision squashReplacing(String id) {
		for (Revision squash : this.squashedHistory.squashes()) {
			if (squash.replaces().contains(id)) {
				return squash;
			}
		}
		return null;
	}

	/** The revisions read, with their squashes and the revisions those replace. */
	public SquashedHistory squashedHistory() {
		return this.squashedHistory;
	}

	private List<CommandResult> catchUpSquashedHistory() {
		SquashedHistory history = this.squashedHistory;
		if (!history.hasSquashes() || this.configuration.dataSource == null) {
			return List.of();
		}
		return SquashedDatabases.catchUp(history, this.migrator.state(), this::migratorOver);
	}

	private DatabaseMigrator migratorOver(RevisionGraph graph) {
		return new DatabaseMigrator(this.configuration.dataSource, this.dialect, this.configuration.schema,
				this.configuration.versionTable, graph, this.configuration.lockTimeout, this.configuration.validateChecksums,
				this.performedBy, this.configuration.listener)
			.shutdownAdvice(this.shutdownAdvice);
	}

	/**
	 * The migrator whose graph knows every revision the database recorded: this one, unless the database is
	 * in the middle of a squashed history (then one over the revisions as they were before the squash).
	 */
	private DatabaseMigrator migratorForRows() {
		if (!this.squashedHistory.hasSquashes() || this.configuration.dataSource == null) {
			return this.migrator;
		}
		Set<String> recorded = SquashedDatabases.recorded(this.migrator.state());
		return SquashedDatabases.isMidway(this.squashedHistory, recorded)
				? migratorOver(SquashedDatabases.graphFor(this.squashedHistory, recorded)) : this.migrator;
	}

	/**
	 * The replaced revision a target names (its id or a unique prefix of it), when no revision of the graph
	 * does; {@code null} otherwise.
	 */
	private Revision replacedTarget(String target) {
		if (!this.squashedHistory.hasSquashes() || target == null) {
			return null;
		}
		String name = target.strip();
		if (!name.matches("[0-9A-Za-z_]+") || name.equalsIgnoreCase("head") || name.equalsIgnoreCase("heads")
				|| name.equalsIgnoreCase("base")) {
			return null;
		}
		for (Revision revision : this.graph.revisions()) {
			if (revision.id().startsWith(name)) {
				return null;
			}
		}
		List<Revision> found = this.squashedHistory.replacedRevisions().values().stream()
			.filter((revision) -> revision.id().startsWith(name))
			.toList();
		return (found.size() == 1) ? found.get(0) : null;
	}

	/**
	 * The migrator for a command on a target: {@link #migratorForRows()}. A target that names a revision a squash
	 * replaced is refused, saying so (the graph alone would say there is no such revision, though its file is
	 * there), unless the database is in the middle of that history.
	 * @param replaced the replaced revision the target names ({@link #replacedTarget}), {@code null} for none
	 */
	private DatabaseMigrator migratorFor(String target, Revision replaced) {
		DatabaseMigrator migrator = migratorForRows();
		if (replaced == null || migrator != this.migrator) {
			return migrator;
		}
		throw replacedBySquash(target, replaced, (squash) -> "only a database in the middle of that history, recorded"
				+ " before the squash, still goes through it. Name " + squash + " or a revision after it.");
	}

	/**
	 * A target naming a revision a squash replaces, refused: "'3f2a' is revision 3f2a9c1b7d4e, which squash 9d0e...
	 * (its file) replaces: " and what {@code rest} says given the squash's id ("the squash" if none is found).
	 */
	private TargetException replacedBySquash(String named, Revision replaced, Function<String, String> rest) {
		Revision squash = squashReplacing(replaced.id());
		return new TargetException("'" + named.strip() + "' is revision " + replaced.id() + ", which "
				+ ((squash != null) ? "squash " + squash.id() + " (" + squash.source() + ")" : "a squash") + " replaces: "
				+ rest.apply((squash != null) ? squash.id() : "the squash"));
	}

	/**
	 * Refuses a script whose target, or either end of whose range, names a revision a squash replaces, saying so
	 * (the graph alone would say there is no such revision, though its file is there): a script neither starts nor
	 * ends in the middle of a squashed history.
	 */
	private void requireScriptTargets(String target) {
		if (!this.squashedHistory.hasSquashes() || target == null) {
			return;
		}
		int colon = target.indexOf(':');
		for (String end : (colon < 0) ? new String[] { target } : new String[] { target.substring(0, colon),
				target.substring(colon + 1) }) {
			Revision replaced = replacedTarget(end);
			if (replaced == null) {
				continue;
			}
			throw replacedBySquash(end, replaced, (name) -> "a script (--sql) neither starts nor ends in the middle of a"
					+ " squashed history. Name " + name + " or a revision after it (a database at the last revision the"
					+ " squash replaces is at " + name + "); for a database in the middle of that history, run `db upgrade "
					+ name + "` online first.");
		}
	}

	// ---- adopting an existing schema, callbacks around upgrades ----

	private CommandResult upgradeWithCallbacks(String target) {
		MigrationsCallback.Context context = new MigrationsCallback.Context(target, this.configuration.dataSource);
		CommandResult result;
		try {
			for (MigrationsCallback callback : this.configuration.callbacks) {
				callback.beforeUpgrade(context);
			}
			// a startup with nothing pending (the most common one) reads the version table once, without the lock;
			// anything else, a database with no row recorded included (a baseline), runs under the lock
			CommandResult upToDate = this.migrator.upgradeIfUpToDate(target);
			result = (upToDate != null) ? upToDate : upgradeUnderLock(target);
		}
		catch (RuntimeException ex) {
			for (MigrationsCallback callback : this.configuration.callbacks) {
				try {
					callback.afterUpgradeError(context, ex);
				}
				catch (RuntimeException callbackError) {
					ex.addSuppressed(callbackError);
				}
			}
			throw ex;
		}
		for (MigrationsCallback callback : this.configuration.callbacks) {
			try {
				callback.afterUpgrade(context, result);
			}
			catch (RuntimeException ex) {
				throw new MigrationsException("Callback " + callback.getClass().getName() + " failed in afterUpgrade: "
						+ ex.getMessage() + ". The upgrade itself is done and committed: " + result.steps().size()
						+ " revision(s) applied, the database is at "
						+ (result.currentAfter().isEmpty() ? "base" : String.join(", ", result.currentAfter()))
						+ "; only what the callback does after it is missing.", ex);
			}
		}
		return result;
	}

	private CommandResult upgradeUnderLock(String target) {
		baselineIfUnrecorded();
		// a database in the middle of the squashed history, to a revision of it, goes there through the
		// replaced files alone; any other target, to the squash point first
		Revision replaced = replacedTarget(target);
		List<CommandResult> caughtUp = (replaced != null) ? List.of() : catchUpSquashedHistory();
		CommandResult result = ((replaced != null) ? migratorFor(target, replaced) : this.migrator).upgrade(target);
		if (!caughtUp.isEmpty()) {
			// one upgrade as the user sees it: from where the database was, every revision run
			List<StepResult> steps = new ArrayList<>();
			caughtUp.forEach((part) -> steps.addAll(part.steps()));
			steps.addAll(result.steps());
			result = new CommandResult(result.target(), steps, caughtUp.get(0).currentBefore(), result.currentAfter());
		}
		return result;
	}

	/**
	 * What an upgrade asks, on a schema where no revision is recorded, for the revision to record as applied
	 * without running it (see {@link Baseline#decide}); {@code null} when neither a baseline nor the check of a
	 * schema with tables is configured.
	 */
	private DatabaseMigrator.BaselineDecision baselineDecision() {
		if (this.configuration.baseline == null && !this.configuration.failOnNonEmptySchema) {
			return null;
		}
		Baseline baseline = baseline();
		return (connection) -> baseline.decide(existingSchema(connection), this.graph, this.configuration.versionTable);
	}

	private void baselineIfUnrecorded() {
		baselineIfUnrecorded(this.migrator);
	}

	/** Whether an upgrade first decides, on a schema where nothing is recorded, on a baseline (or refuses one with tables). */
	boolean adoptsExistingSchemas() {
		return this.configuration.baseline != null || this.configuration.failOnNonEmptySchema;
	}

	/**
	 * On a schema where no revision is recorded, records the baseline (or refuses a schema with tables), under the
	 * migrator's lock, on the migrator's schema: this one's, or a tenant's.
	 */
	void baselineIfUnrecorded(DatabaseMigrator migrator) {
		if (!adoptsExistingSchemas()) {
			return;
		}
		Baseline baseline = baseline();
		AtomicReference<ExistingSchema> adopted = new AtomicReference<>();
		CommandResult stamped = migrator.stampIfUnrecorded((connection) -> {
			ExistingSchema existing = existingSchema(connection);
			String revision = baseline.decide(existing, this.graph, this.configuration.versionTable);
			adopted.set(existing);
			return revision;
		});
		if (!stamped.steps().isEmpty()) {
			baseline.recorded(adopted.get());
		}
	}

	/** What the connection's current schema holds, read under the lock before an upgrade decides on a baseline. */
	private ExistingSchema existingSchema(Connection connection) throws SQLException {
		return ExistingSchema.read(connection, this.dialect, this.dialect.currentSchema(connection),
				this.configuration.versionTable, this.configuration.tableFilter, this.configuration.otherToolTables);
	}

	/**
	 * What the schema holds besides the version tables: its tables that count and other tools'
	 * history tables (see {@link ExistingSchema}). Reads only, without the lock.
	 */
	public ExistingSchema existingSchema() {
		try (Connection connection = requireDataSource().getConnection()) {
			String schema = (this.configuration.schema != null) ? this.configuration.schema : this.dialect.currentSchema(connection);
			return ExistingSchema.read(connection, this.dialect, schema, this.configuration.versionTable,
					this.configuration.tableFilter, this.configuration.otherToolTables);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read what the schema holds: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An instance with this one's configuration (revisions, schema, version table, callbacks...) whose commands
	 * get their connections from another data source, e.g. one that keeps a single connection open for a
	 * series of commands, as the test kit's stairway does. The dialect is this instance's; the revisions are
	 * read again from the locations.
	 */
	public Migrations withDataSource(DataSource dataSource) {
		MigrationsConfiguration copy = this.configuration.copy();
		copy.dataSource = dataSource;
		copy.dialect = this.dialect;
		return copy.load();
	}

	/** The database this instance migrates; {@code null} when only offline scripts and files are written. */
	public DataSource dataSource() {
		return this.configuration.dataSource;
	}

	/**
	 * The baseline as configured, checked against the revisions.
	 * @throws dev.migrations.baseline.BaselineException when it names no single revision
	 */
	public Baseline baseline() {
		return Baseline.of(this.configuration.baseline, this.configuration.failOnNonEmptySchema, this.graph,
				this.locations);
	}

	/** The schema configured; {@code null} when the connection's current schema is used. */
	public String schema() {
		return this.configuration.schema;
	}

	/** The table of applied revisions; the log of every change is the same name with {@code _log}. */
	public String versionTable() {
		return this.configuration.versionTable;
	}

	/**
	 * The same revisions and settings applied to many schemas or databases, one per tenant, with
	 * bounded parallelism: see {@link TenantMigrations}.
	 */
	public TenantMigrations.Builder tenants() {
		return new TenantMigrations.Builder(this);
	}

	MigrationsConfiguration configuration() {
		return this.configuration;
	}

	Supplier<String> performedBy() {
		return this.performedBy;
	}

	void checkLocations() {
		requireLocations();
	}

	/** {@link #status()} of a database state read elsewhere (a tenant's). */
	MigrationsStatus status(DatabaseState state) {
		return new MigrationsStatus(state.current(), this.graph.heads(), state.pending(), state.modified(), state.missing(),
				state.failed(), history(state));
	}

	/**
	 * {@code db stamp TARGET --purge}: empties the version table, then records the target and its
	 * ancestors as applied, without running anything (for a table whose rows no longer fit the revisions).
	 */
	public CommandResult stamp(String target, boolean purge) {
		if (!purge) {
			return stamp(target);
		}
		requireLocations();
		try {
			return this.migrator.stampPurging(target);
		}
		finally {
			this.changes.incrementAndGet();
		}
	}

	/**
	 * The file in the revisions directory that {@code db revision} and {@code db migrate} fill in, when it
	 * exists, instead of the standard layout. Placeholders: {@code ${revision}}, {@code ${down_revision}},
	 * {@code ${message}}, {@code ${created}}, {@code ${headers}} (the optional header lines a revision needs:
	 * {@code transactional}, {@code depends_on}, {@code branch_labels}), {@code ${upgrade}} and
	 * {@code ${downgrade}} (the sections' SQL, empty for {@code db revision}).
	 */
	public static final String REVISION_TEMPLATE = "revision.sql.template";

	/** Compiled on first use, not when a startup loads this class. */
	private static final class TemplatePlaceholder {

		static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_]*)}");

	}

	private static String fillTemplate(Path template, String id, String downRevision, String message, Instant created,
			String extraHeaders, String upgradeSql, String downgradeSql) {
		String text;
		try {
			text = Files.readString(template, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the revision template " + template.toAbsolutePath(), ex);
		}
		if (!extraHeaders.isEmpty() && !text.contains("${headers}")) {
			throw new MigrationsException("The revision template " + template.toAbsolutePath() + " has no ${headers}"
					+ " placeholder, and this revision needs " + extraHeaders.strip().replace("\n", ", ")
					+ ": add a line ${headers} after its `-- created: ${created}` line.");
		}
		Map<String, String> values = Map.of("revision", id, "down_revision", downRevision, "message", message, "created",
				created.toString(), "headers", extraHeaders.isEmpty() ? "" : extraHeaders.stripTrailing(), "upgrade",
				(upgradeSql == null) ? "" : upgradeSql.stripTrailing(), "downgrade",
				(downgradeSql == null) ? "" : downgradeSql.stripTrailing());
		java.util.regex.Matcher matcher = TemplatePlaceholder.PATTERN.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				int line = (int) text.substring(0, matcher.start()).chars().filter((c) -> c == '\n').count() + 1;
				throw new MigrationsException("The revision template " + template.toAbsolutePath() + " line " + line + " has "
						+ matcher.group() + ", which is no placeholder: use ${revision}, ${down_revision}, ${message},"
						+ " ${created}, ${headers}, ${upgrade} or ${downgrade}.");
			}
			matcher.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(value));
		}
		matcher.appendTail(filled);
		// a header placeholder left empty leaves an empty line among the headers, which the parser accepts
		return filled.toString();
	}

	/**
	 * {@code db revision -m MSG [--head REV] [--rev-id ID] [--branch-label L] [--depends-on REV] [--splice]}:
	 * writes an empty revision. Unlike {@link #revision(String, String, String, String)}, a parent that is
	 * not a head is refused unless {@link RevisionOptions#splice()} allows a branch from it.
	 */
	public Path revision(String message, String head, RevisionOptions options) {
		requireLocations();
		if (head == null || head.equals("head") || head.equals("base")) {
			return writeWithOptions(message, revisionParents(head), options);
		}
		Revision parent = this.graph.resolve(head);
		if (!options.splice() && !this.graph.heads().contains(parent.id())) {
			List<String> children = this.graph.children(parent.id());
			throw new MigrationsException("Revision " + parent.id() + " is not a head (" + String.join(", ", children)
					+ ((children.size() == 1) ? " comes" : " come") + " after it): a revision on top of it starts a branch. Pass"
					+ " --splice to start one (`db revision -m " + quotedMessage(message) + " --head " + parent.id()
					+ " --splice`), or name a head with --head (`db heads` lists them).");
		}
		return writeWithOptions(message, List.of(parent.id()), options);
	}

	/** A revision's message as a command line takes it, for a command a message suggests. */
	private static String quotedMessage(String message) {
		boolean plain = message != null && message.chars().noneMatch((c) -> c == '"' || c == '`' || c == '\\' || c < ' ');
		return "\"" + (plain ? message : "MESSAGE") + "\"";
	}

	private List<String> revisionParents(String head) {
		if (head != null && head.equals("base")) {
			return List.of();
		}
		List<String> heads = this.graph.heads();
		if (heads.size() > 1) {
			throw new MigrationsException("There are " + heads.size() + " heads (" + String.join(", ", heads)
					+ "): a new revision needs one parent. Join them first with `db merge -m \"merge heads\"`, or name the parent"
					+ " with `--head <revision>` to start a branch from it.");
		}
		return heads;
	}

	private Path writeWithOptions(String message, List<String> parents, RevisionOptions options) {
		String id = options.revisionId();
		if (id != null) {
			checkNewRevisionId(id);
		}
		StringBuilder headers = new StringBuilder();
		if (!options.dependsOn().isEmpty()) {
			List<String> dependsOn = new ArrayList<>();
			for (String dependency : options.dependsOn()) {
				String resolved = named(dependency);
				if (!dependsOn.contains(resolved)) {
					dependsOn.add(resolved);
				}
			}
			headers.append("-- depends_on: ").append(String.join(", ", dependsOn)).append('\n');
		}
		if (!options.branchLabels().isEmpty()) {
			for (String label : options.branchLabels()) {
				if (!label.matches("[A-Za-z0-9_-]+")) {
					throw new MigrationsException("Branch label '" + label + "' is not valid: use letters, digits, '_' and"
							+ " '-', e.g. --branch-label billing.");
				}
				if (RevisionFileParser.isTargetKeyword(label)) {
					throw new MigrationsException("Branch label '" + label + "' is a target keyword (head, heads, base),"
							+ " which a target would not read as the label: choose another label.");
				}
				String owner = this.graph.branchLabels().get(label);
				if (owner != null) {
					throw new MigrationsException("Branch label '" + label + "' is already on revision " + owner
							+ ": choose another label.");
				}
			}
			headers.append("-- branch_labels: ").append(String.join(", ", options.branchLabels())).append('\n');
		}
		return write(message, parents, "", "", headers.toString(), id);
	}

	/** A revision id given by the user: one word of letters and digits, unused, and no prefix of another. */
	private void checkNewRevisionId(String id) {
		if (!id.matches("[A-Za-z0-9]{" + RevisionGraph.MIN_PREFIX + ",64}")) {
			throw new MigrationsException("Revision id '" + id + "' is not valid: use " + RevisionGraph.MIN_PREFIX
					+ " to 64 letters and digits (no '_', which separates the id from the file name's slug), e.g. 3f2a9c1b7d4e.");
		}
		if (Set.of("head", "heads", "base", "none").contains(id.toLowerCase(Locale.ROOT))) {
			throw new MigrationsException("Revision id '" + id + "' is a target keyword: choose another id.");
		}
		for (Revision revision : this.graph.revisions()) {
			if (revision.id().equals(id)) {
				throw new MigrationsException("Revision id '" + id + "' is already used by " + revision.source()
						+ ": choose another id.");
			}
			if (revision.id().equalsIgnoreCase(id)) {
				throw new MigrationsException("Revision id '" + id + "' differs only in case from the existing revision "
						+ revision.id() + " (" + revision.source() + "), which MariaDB's version table and the file systems"
						+ " of macOS and Windows do not tell apart: choose another id.");
			}
			if (revision.id().startsWith(id) || id.startsWith(revision.id())) {
				throw new MigrationsException("Revision id '" + id + "' and the existing revision " + revision.id()
						+ " would be ambiguous as prefixes: choose an id that neither starts nor is the start of another.");
			}
		}
	}

	/** The texts {@link #migrateSql} collects in place of the files, on the thread that asked. */
	private static final ThreadLocal<Map<Path, String>> DRY_RUN = new ThreadLocal<>();

	/**
	 * {@code db migrate -m MSG --sql}: the revisions {@link #migrate(String, DiffOptions, MigrateOptions)}
	 * would write, file by file in the order they run, without writing anything; empty when the entities
	 * match the database.
	 */
	public Map<Path, String> migrateSql(String message, DiffOptions options, MigrateOptions migrateOptions) {
		return new LinkedHashMap<>(migrateSqlResult(message, options, migrateOptions).revisions());
	}

	/**
	 * {@code db migrate -m MSG --sql}: the revisions {@link #migrateSql} prints, and the warnings
	 * {@link #migrate(String, DiffOptions, MigrateOptions)} would report that are not written into them (an
	 * entity of another schema, a collation, a view reading a column the revision drops), which a script
	 * printed alone would lose.
	 */
	public MigrateSqlResult migrateSqlResult(String message, DiffOptions options, MigrateOptions migrateOptions) {
		Map<Path, String> texts = new LinkedHashMap<>();
		MigrateResult result;
		DRY_RUN.set(texts);
		try {
			result = migrate(message, options, migrateOptions);
		}
		finally {
			DRY_RUN.remove();
		}
		// the warnings of the statements are in the texts already, as comments over them
		List<String> warnings = result.warnings().stream()
			.filter((warning) -> texts.values().stream().noneMatch((text) -> text.contains("-- WARNING: " + warning + "\n")))
			.toList();
		return new MigrateSqlResult(texts, warnings);
	}

}
