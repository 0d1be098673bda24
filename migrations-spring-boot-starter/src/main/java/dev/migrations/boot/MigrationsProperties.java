package dev.migrations.boot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationsConfiguration;
import dev.migrations.render.OnlineForm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of the migrations starter, under the {@code migrations.} prefix. The defaults are the
 * defaults of the core {@link MigrationsConfiguration}.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/**
	 * Whether to configure migrations: the facade bean and the upgrade on startup.
	 */
	private boolean enabled = true;

	/**
	 * Where revision files are read from: 'classpath:' or 'filesystem:' (also 'file:') locations. '{vendor}' is
	 * replaced by the database's dialect name (postgresql, mariadb, h2).
	 */
	private List<String> locations = new ArrayList<>(List.of(MigrationsConfiguration.DEFAULT_LOCATION));

	/**
	 * Whether a revision location that does not exist makes the startup upgrade and the 'db'
	 * commands that act on revisions fail ('db init', 'db check' and the listing commands excepted).
	 * When false, a missing location counts as one without revisions.
	 */
	private boolean failOnMissingLocations = true;

	/**
	 * Whether a database ahead of this code (revisions applied that it has no file for, because a newer
	 * release upgraded it) stops the startup upgrade and 'db upgrade' even when every revision of this code is
	 * applied. By default they go on without upgrading, with a warning, so that the previous release keeps
	 * starting during a rolling deploy and after a roll-back of the code.
	 */
	private boolean failOnDatabaseAhead;

	/**
	 * Whether to upgrade the database when the application starts, before JPA and JDBC users start.
	 */
	private boolean upgradeOnStartup = true;

	/**
	 * The revision the startup upgrade goes to: 'head', 'heads', a revision id or unique prefix,
	 * 'label@head', '+N'.
	 */
	private String target = "head";

	/**
	 * The schema that holds the version tables; the connection's default schema when not set.
	 */
	private String schema;

	/**
	 * The name of the table of applied revisions; its log table is this name plus '_log'.
	 */
	private String versionTable = MigrationsConfiguration.DEFAULT_VERSION_TABLE;

	/**
	 * How long an upgrade waits for the database lock held by another instance. A bare number is in
	 * seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = MigrationsConfiguration.DEFAULT_LOCK_TIMEOUT;

	/**
	 * Whether an applied revision whose file changed since it was applied stops the upgrade.
	 */
	private boolean validateChecksums = true;

	/**
	 * Packages searched (with their sub-packages) for Java revision classes.
	 */
	private List<String> javaPackages = new ArrayList<>();

	/**
	 * Who is recorded as having applied revisions; 'user@host' when not set.
	 */
	private String installedBy;

	/**
	 * JDBC URL of the database to migrate, when it is not the application's DataSource. With it,
	 * migrations open connections of their own; user and password not set here are the
	 * application's (spring.datasource.username and password).
	 */
	private String url;

	/**
	 * Login user migrations connect as, e.g. one allowed to run DDL while the application's user is
	 * not. Set without 'url', it connects to the application's database URL.
	 */
	private String user;

	/**
	 * Login password of 'user'.
	 */
	private String password;

	/**
	 * Fully qualified name of the JDBC driver for 'url'; detected from the URL when not set.
	 */
	private String driverClassName;

	/**
	 * SQL statements run on every connection migrations open, before anything else, e.g. "SET
	 * lock_timeout = '10s'" or "SET ROLE app_owner". With them, migrations connect on their own
	 * instead of borrowing the application's pooled connections, so the settings never leak into
	 * the application's sessions.
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * How many times to retry when the database cannot be reached at startup, e.g. while a database
	 * started with the application (Docker Compose, Kubernetes) is still coming up. Retries stop once
	 * a connection has succeeded.
	 */
	private int connectRetries;

	/**
	 * The longest wait between two connection attempts: waits start at one second and double up to
	 * this.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = Duration.ofSeconds(120);

	/**
	 * The revision (id or unique prefix) an existing schema is taken to be when it has tables but no
	 * revision is recorded yet: it and its ancestors are recorded as applied without running, and the
	 * revisions after it are applied. 'base' runs every revision over the existing tables. Without
	 * it, the startup upgrade stops on such a schema and says what to do.
	 */
	private String baseline;

	private final Drift drift = new Drift();

	private final Generate generate = new Generate();

	private final Health health = new Health();

	private final Actuator actuator = new Actuator();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		if (locations != null) {
			for (String location : locations) {
				MigrationsConfiguration.requireDirectory(location);
			}
		}
		this.locations = locations;
	}

	public boolean isFailOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public void setFailOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
	}

	public boolean isFailOnDatabaseAhead() {
		return this.failOnDatabaseAhead;
	}

	public void setFailOnDatabaseAhead(boolean failOnDatabaseAhead) {
		this.failOnDatabaseAhead = failOnDatabaseAhead;
	}

	public boolean isUpgradeOnStartup() {
		return this.upgradeOnStartup;
	}

	public void setUpgradeOnStartup(boolean upgradeOnStartup) {
		this.upgradeOnStartup = upgradeOnStartup;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		if (lockTimeout != null && lockTimeout.isNegative()) {
			throw new IllegalArgumentException("a lock timeout is 0 or more, not negative");
		}
		this.lockTimeout = lockTimeout;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public List<String> getJavaPackages() {
		return this.javaPackages;
	}

	public void setJavaPackages(List<String> javaPackages) {
		this.javaPackages = javaPackages;
	}

	public String getInstalledBy() {
		return this.installedBy;
	}

	public void setInstalledBy(String installedBy) {
		this.installedBy = installedBy;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public String getBaseline() {
		return this.baseline;
	}

	public void setBaseline(String baseline) {
		this.baseline = baseline;
	}

	public Drift getDrift() {
		return this.drift;
	}

	public Generate getGenerate() {
		return this.generate;
	}

	public Health getHealth() {
		return this.health;
	}

	public Actuator getActuator() {
		return this.actuator;
	}

	/**
	 * Comparing the JPA entities with the live schema.
	 */
	public static class Drift {

		/**
		 * Whether to compare the entities with the database at startup and on a schedule.
		 */
		private boolean enabled = true;

		/**
		 * What to do when the startup check finds differences: ignore, warn (log them) or fail
		 * (stop the application). With ignore and warn the check runs in the background once the
		 * application is ready; with fail it runs during startup, before requests are accepted.
		 */
		private DriftAction onStartup = DriftAction.WARN;

		/**
		 * How often to compare the entities with the database after the check at startup. Zero or
		 * negative checks only at startup.
		 */
		private Duration interval = Duration.ofMinutes(10);

		/**
		 * Tables autogenerate and drift consider, as patterns where '*' matches any characters
		 * (case-insensitive); all tables when empty. The version tables are always left out.
		 */
		private List<String> includeTables = new ArrayList<>();

		/**
		 * Tables autogenerate and drift leave out, e.g. another application's or a queue's, as
		 * patterns where '*' matches any characters (case-insensitive).
		 */
		private List<String> excludeTables = new ArrayList<>();

		/**
		 * Whether indexes of the database that the entities do not declare (lookup and foreign key
		 * indexes kept by hand) are left alone: neither reported as drift nor dropped by db migrate.
		 */
		private boolean ignoreExtraIndexes;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DriftAction getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(DriftAction onStartup) {
			this.onStartup = onStartup;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public List<String> getIncludeTables() {
			return this.includeTables;
		}

		public void setIncludeTables(List<String> includeTables) {
			this.includeTables = includeTables;
		}

		public List<String> getExcludeTables() {
			return this.excludeTables;
		}

		public void setExcludeTables(List<String> excludeTables) {
			this.excludeTables = excludeTables;
		}

		public boolean isIgnoreExtraIndexes() {
			return this.ignoreExtraIndexes;
		}

		public void setIgnoreExtraIndexes(boolean ignoreExtraIndexes) {
			this.ignoreExtraIndexes = ignoreExtraIndexes;
		}

	}

	/**
	 * What to do when the entities and the database differ at startup.
	 */
	public enum DriftAction {

		/** Do not report the differences. */
		IGNORE,

		/** Log the differences as a warning. */
		WARN,

		/**
		 * Stop the application, listing the differences. The check then runs synchronously once
		 * all singletons (JPA included) exist and before the web server accepts requests. A database
		 * ahead of the code (a newer release upgraded it) starts the application with the
		 * differences logged.
		 */
		FAIL

	}

	/**
	 * The {@code migrations} health indicator: the health status each state of the database maps
	 * to. A revision recorded as failed is always {@code DOWN}; when several states apply, the most
	 * severe status wins.
	 */
	public static class Health {

		/**
		 * Status while revisions are pending: the code expects a schema the database does not have
		 * yet, so by default the instance is taken out of service until the upgrade is done.
		 */
		private String pendingStatus = "OUT_OF_SERVICE";

		/**
		 * Status while an applied revision's file differs from what was applied. The schema is what
		 * was applied, so by default the instance stays up and the details name the revisions.
		 */
		private String modifiedStatus = "UP";

		/**
		 * Status while the database has revisions applied that this code has no file for, as
		 * during a rolling deployment while older instances still run; also while such a revision
		 * is recorded as failed (the newer release's upgrade stopped half-way).
		 */
		private String missingStatus = "UP";

		/**
		 * Status while the last drift check found differences between the entities and the
		 * database. Drift can be harmless (an extra index), so by default it shows in the details
		 * only. Over a database ahead of the code (a newer release upgraded it), the missing status
		 * applies instead.
		 */
		private String driftStatus = "UP";

		public String getPendingStatus() {
			return this.pendingStatus;
		}

		public void setPendingStatus(String pendingStatus) {
			this.pendingStatus = pendingStatus;
		}

		public String getModifiedStatus() {
			return this.modifiedStatus;
		}

		public void setModifiedStatus(String modifiedStatus) {
			this.modifiedStatus = modifiedStatus;
		}

		public String getMissingStatus() {
			return this.missingStatus;
		}

		public void setMissingStatus(String missingStatus) {
			this.missingStatus = missingStatus;
		}

		public String getDriftStatus() {
			return this.driftStatus;
		}

		public void setDriftStatus(String driftStatus) {
			this.driftStatus = driftStatus;
		}

	}

	/**
	 * The {@code migrations} actuator endpoint and health indicator.
	 */
	public static class Actuator {

		/**
		 * How long the endpoint, the health indicator and the migrations.pending gauge reuse the
		 * status they read from the version table: however many requests arrive, the table is read
		 * at most once per period (for the gauge, in the background: a scrape never waits for it).
		 * Upgrades, downgrades and stamps made by this application show at once; those made by
		 * other instances show after this period. Zero reads the table on every request.
		 */
		private Duration statusCacheTtl = Duration.ofSeconds(1);

		public Duration getStatusCacheTtl() {
			return this.statusCacheTtl;
		}

		public void setStatusCacheTtl(Duration statusCacheTtl) {
			this.statusCacheTtl = statusCacheTtl;
		}

		/**
		 * How many revisions {@code /actuator/migrations} lists. A history of at most this many
		 * revisions is listed whole; a longer one lists every revision that is not applied and the
		 * newest applied ones up to this number, and counts the others in
		 * {@code revisionsNotListed}. {@code /actuator/migrations/revisions} lists every revision.
		 */
		private int revisionsListed = 100;

		public int getRevisionsListed() {
			return this.revisionsListed;
		}

		public void setRevisionsListed(int revisionsListed) {
			if (revisionsListed < 0) {
				throw new IllegalArgumentException("the number of revisions listed is 0 or more, not negative");
			}
			this.revisionsListed = revisionsListed;
		}

	}

	/**
	 * Writing revision files ({@code db revision}, {@code db migrate}).
	 */
	public static class Generate {

		/**
		 * The directory new revision files are written to, relative to the working directory.
		 * Default: the directory the revisions are read from, the first 'filesystem:' location, else
		 * the source directory of the first 'classpath:' one (src/main/resources/db/revisions for
		 * classpath:db/revisions). While it exists, its files take precedence over copies on the class
		 * path, so a new revision can be applied without a rebuild.
		 */
		private String outputDir;

		public String getOutputDir() {
			return this.outputDir;
		}

		public void setOutputDir(String outputDir) {
			this.outputDir = outputDir;
		}

		/**
		 * Whether 'db migrate' writes the online form of a change: indexes built and dropped
		 * CONCURRENTLY in revisions of their own that are not transactional, foreign keys and
		 * checks added NOT VALID and validated in a following revision, SET NOT NULL through a
		 * validated check, and a lock_timeout at the top of each transactional revision. The
		 * schema afterwards is the same; one change may become several revisions.
		 */
		private boolean online;

		/**
		 * The lock_timeout ('SET LOCAL lock_timeout') at the top of each transactional revision
		 * of the online form: a statement waiting longer for its lock fails instead of queueing
		 * every query of the table behind it.
		 */
		private Duration onlineLockTimeout = OnlineForm.DEFAULT_LOCK_TIMEOUT;

		public boolean isOnline() {
			return this.online;
		}

		public void setOnline(boolean online) {
			this.online = online;
		}

		public Duration getOnlineLockTimeout() {
			return this.onlineLockTimeout;
		}

		public void setOnlineLockTimeout(Duration onlineLockTimeout) {
			this.onlineLockTimeout = onlineLockTimeout;
		}

	}

}
