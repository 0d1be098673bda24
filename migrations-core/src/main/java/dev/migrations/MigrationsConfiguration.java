package dev.migrations;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.baseline.OtherToolTables;
import dev.migrations.dialect.Dialect;
import dev.migrations.entity.EntitySource;
import dev.migrations.revision.JavaRevision;
import dev.migrations.runner.MigrationsListener;

/**
 * Settings for {@link Migrations}, built fluently: {@code Migrations.configure().dataSource(ds).load()}.
 * The defaults here are the defaults of the Spring Boot properties too.
 */
public final class MigrationsConfiguration {

	/** Where revisions are found unless configured. */
	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	/** Where {@code db revision} and {@code db migrate} write unless configured. */
	public static final String DEFAULT_OUTPUT_DIRECTORY = "src/main/resources/db/revisions";

	public static final String DEFAULT_VERSION_TABLE = "migrations_version";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	DataSource dataSource;

	Dialect dialect;

	List<String> locations = List.of(DEFAULT_LOCATION);

	List<String> javaPackages = List.of();

	List<JavaRevision> javaRevisions = List.of();

	String schema;

	String versionTable = DEFAULT_VERSION_TABLE;

	Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

	boolean validateChecksums = true;

	Path outputDirectory;

	String installedBy;

	ClassLoader classLoader;

	MigrationsListener listener = MigrationsListener.NONE;

	EntitySource entities;

	// a class rather than lambdas: a fresh JVM spins a class for each lambda on its first use, before connecting
	Predicate<String> tableFilter = EveryName.INSTANCE;

	Predicate<String> sequenceFilter = EveryName.INSTANCE;

	OtherToolTables otherToolTables = OtherToolTables.DEFAULTS;

	boolean ignoreExtraIndexes;

	String baseline;

	boolean failOnNonEmptySchema;

	boolean failOnMissingLocations = true;

	List<MigrationsCallback> callbacks = List.of();

	MigrateOptions migrateOptions = MigrateOptions.plain();

	MigrationsConfiguration() {
	}

	/** The database to migrate; optional when only offline scripts or files are written. */
	public MigrationsConfiguration dataSource(DataSource dataSource) {
		this.dataSource = dataSource;
		return this;
	}

	/** Overrides the dialect detected from the DataSource (needed for offline scripts without a DataSource). */
	public MigrationsConfiguration dialect(Dialect dialect) {
		this.dialect = dialect;
		return this;
	}

	/**
	 * Revision locations: {@code classpath:...} or {@code filesystem:...} (also written {@code file:...}, Spring's
	 * prefix); {@code {vendor}} becomes the dialect name.
	 */
	public MigrationsConfiguration locations(String... locations) {
		return locations(Arrays.asList(locations));
	}

	public MigrationsConfiguration locations(List<String> locations) {
		// a loop rather than a stream: what a startup runs before it connects costs the connection in a fresh JVM
		List<String> configured = new ArrayList<>(locations.size());
		for (String location : locations) {
			configured.add(fileSystemLocation(requireDirectory(location)));
		}
		this.locations = List.copyOf(configured);
		return this;
	}

	/**
	 * Fails on a location whose path is empty ({@code filesystem:}, {@code classpath:/}, a blank entry of a list):
	 * read, it would be every {@code .sql} file under the working directory, or of the whole class path; and on
	 * one with a wildcard ({@code classpath*:db/migration}, {@code classpath:db/*}), which is not read.
	 * @return the location
	 * @throws IllegalArgumentException naming it
	 */
	public static String requireDirectory(String location) {
		String path = (location != null) ? location : "";
		boolean fileSystem = path.startsWith("filesystem:") || path.startsWith("file:");
		if (path.startsWith("classpath:") || fileSystem) {
			path = path.substring(path.indexOf(':') + 1);
		}
		path = path.strip();
		if (!fileSystem) {
			// the class path's root is no directory of revisions either
			int slash = 0;
			while (slash < path.length() && path.charAt(slash) == '/') {
				slash++;
			}
			path = path.substring(slash);
		}
		if (path.isEmpty()) {
			throw new IllegalArgumentException("the location '" + location + "' names no directory: write"
					+ " filesystem:<directory> or classpath:<path>, e.g. classpath:db/revisions");
		}
		// Spring's classpath*: and Flyway's wildcards: read as a path, the location would be called missing
		if (path.contains("*") || path.startsWith("classpath*:")) {
			throw new IllegalArgumentException("the location '" + location + "' has a wildcard, which is not read:"
					+ " name the directory, e.g. classpath:db/migration (a classpath: location is read from every jar"
					+ " and directory of the class path that has it, subdirectories included)");
		}
		return location;
	}


	/**
	 * The directory new revision files are written to when none is configured: the one the locations read, as
	 * Alembic's {@code script_location} is both. The first {@code filesystem:} (or {@code file:}) location, else
	 * the source directory of the first class path location ({@code src/main/resources/db/migration} for
	 * {@code classpath:db/migration}), else {@value #DEFAULT_OUTPUT_DIRECTORY}. {@code {vendor}} is left in it.
	 */
	public static Path outputDirectoryOf(List<String> locations) {
		for (String location : locations) {
			String directory = fileSystemLocation(location);
			if (directory != null && directory.startsWith("filesystem:") && !directory.substring("filesystem:".length()).isBlank()) {
				return Paths.get(directory.substring("filesystem:".length()));
			}
		}
		for (String location : locations) {
			if (location == null || location.startsWith("filesystem:") || location.startsWith("file:")) {
				continue;
			}
			String path = (location.startsWith("classpath:") ? location.substring("classpath:".length()) : location)
				.strip()
				.replaceAll("^/+|/+$", "");
			if (!path.isEmpty() && !path.contains("*") && !path.contains(":")) {
				return Paths.get("src/main/resources", path);
			}
		}
		return Paths.get(DEFAULT_OUTPUT_DIRECTORY);
	}

	// Spring's file: prefix (spring.sql.init, spring.liquibase) names a directory as Flyway's filesystem: does; read as
	// a class path location it would be reported as missing although the directory is there
	private static String fileSystemLocation(String location) {
		if (location == null || !location.startsWith("file:")) {
			return location;
		}
		String path = location.substring("file:".length());
		// file:///srv/revisions, a URL's form, is the path /srv/revisions
		if (path.startsWith("///")) {
			path = path.substring(2);
		}
		return "filesystem:" + path;
	}

	/** Packages searched for {@link JavaRevision} classes. */
	public MigrationsConfiguration javaPackages(String... packages) {
		this.javaPackages = List.of(packages);
		return this;
	}

	/** Java revision instances (e.g. Spring beans), in addition to those found in packages. */
	public MigrationsConfiguration javaRevisions(List<? extends JavaRevision> revisions) {
		this.javaRevisions = new ArrayList<>(revisions);
		return this;
	}

	/** The schema for the version tables and revisions; the connection's default when not set. */
	public MigrationsConfiguration schema(String schema) {
		this.schema = schema;
		return this;
	}

	/** The applied-revisions table; the log table is this name plus {@code _log}. */
	public MigrationsConfiguration versionTable(String versionTable) {
		this.versionTable = versionTable;
		return this;
	}

	/** How long a writing command waits for another one to finish. */
	public MigrationsConfiguration lockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		return this;
	}

	/** Whether an applied revision whose file changed stops an upgrade (default true). */
	public MigrationsConfiguration validateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
		return this;
	}

	/**
	 * Where new revision files are written; default: the directory the locations read (see
	 * {@link #outputDirectoryOf(List)}). {@code {vendor}} in it is replaced as in the locations. When set,
	 * and while it exists, it is the whole truth for the class path locations it mirrors (see
	 * {@link Migrations#reload()}).
	 */
	public MigrationsConfiguration outputDirectory(Path outputDirectory) {
		this.outputDirectory = outputDirectory;
		return this;
	}

	/** Who is recorded as applying revisions; default {@code user@host}. */
	public MigrationsConfiguration installedBy(String installedBy) {
		this.installedBy = installedBy;
		return this;
	}

	public MigrationsConfiguration classLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
		return this;
	}

	/** Told about each revision as it runs. */
	public MigrationsConfiguration listener(MigrationsListener listener) {
		this.listener = (listener != null) ? listener : MigrationsListener.NONE;
		return this;
	}

	/** The JPA entities (and Hibernate settings) that {@code migrate}, {@code check} and {@code createDb} compare with the database. */
	public MigrationsConfiguration entities(EntitySource entities) {
		this.entities = entities;
		return this;
	}

	/**
	 * Which tables autogenerate and drift consider: tables the entities do not own (another
	 * application's, a queue's) can be left out. The version tables are always left out.
	 */
	public MigrationsConfiguration tableFilter(Predicate<String> tableFilter) {
		this.tableFilter = (tableFilter != null) ? tableFilter : EveryName.INSTANCE;
		return this;
	}

	/**
	 * The names Flyway's and Liquibase's history tables have in this application besides their defaults
	 * (Spring Boot's {@code spring.flyway.table}, {@code spring.liquibase.database-change-log-table} and
	 * {@code -lock-table}; the starter passes them). Like the default names, they are not the entities'
	 * tables (autogenerate and drift leave them alone), they do not make a schema non-empty, and adopting
	 * a schema reads the other tool's history from them.
	 */
	public MigrationsConfiguration otherToolTables(OtherToolTables otherToolTables) {
		this.otherToolTables = (otherToolTables != null) ? otherToolTables : OtherToolTables.DEFAULTS;
		return this;
	}

	/**
	 * Convenience for {@link #tableFilter}: tables matching any {@code include} pattern (all when
	 * empty) and no {@code exclude} pattern; {@code *} matches any run of characters. The
	 * {@code exclude} patterns leave out sequences of those names too (a library's own, such as
	 * Spring Batch's {@code batch_job_execution_seq} beside its tables), so that a schema another
	 * library keeps can be left out whole.
	 */
	public MigrationsConfiguration tables(List<String> include, List<String> exclude) {
		List<Pattern> includes = include.stream().map(MigrationsConfiguration::glob).toList();
		List<Pattern> excludes = exclude.stream().map(MigrationsConfiguration::glob).toList();
		this.sequenceFilter = (sequence) -> excludes.stream().noneMatch((p) -> p.matcher(sequence).matches());
		return tableFilter((table) -> (includes.isEmpty() || includes.stream().anyMatch((p) -> p.matcher(table).matches()))
				&& excludes.stream().noneMatch((p) -> p.matcher(table).matches()));
	}

	private static Pattern glob(String glob) {
		List<String> parts = Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).toList();
		return Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE);
	}

	/**
	 * Whether indexes of the database that the entities do not declare (lookup and foreign key
	 * indexes made by hand) are left alone: {@code check} does not report them and {@code migrate}
	 * does not drop them (default false: they are differences, dropped with a warning).
	 */
	public MigrationsConfiguration ignoreExtraIndexes(boolean ignoreExtraIndexes) {
		this.ignoreExtraIndexes = ignoreExtraIndexes;
		return this;
	}

	/**
	 * The revision a schema that already has tables, but no recorded revision, is taken to be: an
	 * upgrade then records it and its ancestors as applied without running them, and applies what
	 * follows. {@code base} records nothing and runs every revision over the existing tables. See
	 * {@link dev.migrations.baseline.ExistingSchema} for which tables count.
	 */
	public MigrationsConfiguration baseline(String baseline) {
		this.baseline = baseline;
		return this;
	}

	/**
	 * Whether an upgrade stops, before running anything, when the schema has tables but no recorded
	 * revision and no {@link #baseline} is set (default false; the Spring Boot starter sets it).
	 */
	public MigrationsConfiguration failOnNonEmptySchema(boolean failOnNonEmptySchema) {
		this.failOnNonEmptySchema = failOnNonEmptySchema;
		return this;
	}

	/**
	 * Whether a configured location that does not exist (on the class path or the file system) makes
	 * every command that reads revisions fail with a
	 * {@link dev.migrations.revision.MissingRevisionLocationsException} (default true), instead of
	 * running as if there were no revisions. {@link #load()} itself does not fail, so that
	 * {@link Migrations#init()} can create the directory; {@link Migrations#check()} and
	 * {@link Migrations#compare}, which compare the entities with the database and read no revision,
	 * and {@link Migrations#heads()}, {@link Migrations#history()} and {@link Migrations#show}, which
	 * list the revisions read (none), do not fail either. A class path location counts as existing while the
	 * {@linkplain #outputDirectory output directory} that mirrors it exists.
	 */
	public MigrationsConfiguration failOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
		return this;
	}

	/** Told before and after every upgrade, in this order. */
	public MigrationsConfiguration callbacks(List<? extends MigrationsCallback> callbacks) {
		this.callbacks = List.copyOf(callbacks);
		return this;
	}

	/**
	 * How {@code db migrate} writes what it generates when the call does not say (default
	 * {@link MigrateOptions#plain()}); {@link MigrateOptions#onlineForm()} writes the online form.
	 */
	public MigrationsConfiguration migrateOptions(MigrateOptions migrateOptions) {
		this.migrateOptions = (migrateOptions != null) ? migrateOptions : MigrateOptions.plain();
		return this;
	}

	/** A configuration with the same settings, for an instance that differs in one of them. */
	MigrationsConfiguration copy() {
		MigrationsConfiguration copy = new MigrationsConfiguration();
		copy.dataSource = this.dataSource;
		copy.dialect = this.dialect;
		copy.locations = this.locations;
		copy.javaPackages = this.javaPackages;
		copy.javaRevisions = this.javaRevisions;
		copy.schema = this.schema;
		copy.versionTable = this.versionTable;
		copy.lockTimeout = this.lockTimeout;
		copy.validateChecksums = this.validateChecksums;
		copy.outputDirectory = this.outputDirectory;
		copy.installedBy = this.installedBy;
		copy.classLoader = this.classLoader;
		copy.listener = this.listener;
		copy.entities = this.entities;
		copy.tableFilter = this.tableFilter;
		copy.sequenceFilter = this.sequenceFilter;
		copy.otherToolTables = this.otherToolTables;
		copy.ignoreExtraIndexes = this.ignoreExtraIndexes;
		copy.baseline = this.baseline;
		copy.failOnNonEmptySchema = this.failOnNonEmptySchema;
		copy.failOnMissingLocations = this.failOnMissingLocations;
		copy.callbacks = this.callbacks;
		copy.migrateOptions = this.migrateOptions;
		return copy;
	}

	/** Reads the revisions and returns the facade; fails on invalid files or graphs. */
	public Migrations load() {
		return new Migrations(this);
	}

	/** The filter of every table and sequence name. */
	private static final class EveryName implements Predicate<String> {

		static final EveryName INSTANCE = new EveryName();

		@Override
		public boolean test(String name) {
			return true;
		}

	}

}
