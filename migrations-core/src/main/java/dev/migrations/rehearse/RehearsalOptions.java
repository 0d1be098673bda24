package dev.migrations.rehearse;

/**
 * Where {@link dev.migrations.Migrations#rehearse} runs the pending revisions. Immutable.
 * <ul>
 * <li>{@link #copy()}: on a copy of the target database made with {@code CREATE DATABASE ... TEMPLATE},
 * dropped afterwards. PostgreSQL copies a database only while no other session is connected to it, so
 * this suits a staging database, a restored backup or CI, not a production database in use; the
 * rehearsal says so and stops (or, with {@link #orRollback()}, falls back) when sessions are connected.
 * Needs the {@code CREATEDB} privilege.</li>
 * <li>{@link #rollback()}: on the target itself, every pending revision in one transaction that is
 * rolled back. Only for transactional revisions; the locks it takes are real, so on a busy database
 * it blocks what the upgrade would block, for as long.</li>
 * </ul>
 */
public final class RehearsalOptions {

	/** How the rehearsal keeps the target unchanged. */
	public enum Mode {

		/** On a copy made with {@code CREATE DATABASE ... TEMPLATE}, dropped afterwards. */
		COPY,

		/** On the target, in a transaction that is rolled back. */
		ROLLBACK

	}

	/**
	 * What the caller does right before the copy is made: close its own idle sessions on the database (a
	 * connection pool's), which would keep {@code CREATE DATABASE ... TEMPLATE} from copying it.
	 */
	@FunctionalInterface
	public interface ConnectionRelease {

		/** Nothing to release. */
		ConnectionRelease NONE = () -> () -> {
		};

		/**
		 * Closes the caller's idle sessions on the database and keeps new ones from opening. Called again when the
		 * copy is refused for sessions still connected (one the caller was opening meanwhile), at most twice more.
		 * @return what sets things back, run once the copy has been rehearsed and dropped (or could not be made);
		 * only the first call's is run
		 */
		Runnable release();

	}

	/** The database a copy is created from another one, unless told otherwise. */
	public static final String DEFAULT_MAINTENANCE_DATABASE = "postgres";

	private final Mode mode;

	private final String url;

	private final String user;

	private final String password;

	private final String maintenanceDatabase;

	private final boolean fallBackToRollback;

	private final ConnectionRelease release;

	private RehearsalOptions(Mode mode, String url, String user, String password, String maintenanceDatabase,
			boolean fallBackToRollback, ConnectionRelease release) {
		this.mode = mode;
		this.url = url;
		this.user = user;
		this.password = password;
		this.maintenanceDatabase = maintenanceDatabase;
		this.fallBackToRollback = fallBackToRollback;
		this.release = release;
	}

	/**
	 * A copy of the target database, reaching its server with the configured DataSource's URL and user
	 * and no password (a server with trust authentication, or a {@code .pgpass} file); with a password,
	 * use {@link #copy(String, String, String)}.
	 */
	public static RehearsalOptions copy() {
		return new RehearsalOptions(Mode.COPY, null, null, null, DEFAULT_MAINTENANCE_DATABASE, false,
				ConnectionRelease.NONE);
	}

	/**
	 * A copy of the database the URL names (the target, or e.g. a backup restored next to it).
	 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}
	 * @param user a user with the {@code CREATEDB} privilege
	 * @param password its password, {@code null} when none
	 */
	public static RehearsalOptions copy(String jdbcUrl, String user, String password) {
		return new RehearsalOptions(Mode.COPY, jdbcUrl, user, password, DEFAULT_MAINTENANCE_DATABASE, false,
				ConnectionRelease.NONE);
	}

	/** The target itself, in a transaction that is rolled back (transactional revisions only). */
	public static RehearsalOptions rollback() {
		return new RehearsalOptions(Mode.ROLLBACK, null, null, null, DEFAULT_MAINTENANCE_DATABASE, false,
				ConnectionRelease.NONE);
	}

	/**
	 * When the copy cannot be made because other sessions are connected to the database, rehearse in a
	 * rolled-back transaction on the target instead (if every pending revision is transactional), and
	 * say so in the report.
	 */
	public RehearsalOptions orRollback() {
		return new RehearsalOptions(this.mode, this.url, this.user, this.password, this.maintenanceDatabase, true,
				this.release);
	}

	/** The database to connect to while creating and dropping the copy; default {@code postgres}. */
	public RehearsalOptions maintenanceDatabase(String database) {
		return new RehearsalOptions(this.mode, this.url, this.user, this.password, database, this.fallBackToRollback,
				this.release);
	}

	/**
	 * Before the copy, release the caller's own sessions on the database (e.g. the idle connections of
	 * the application's pool in a process that runs nothing else), and set them back afterwards.
	 * @param connectionRelease called once the rehearsal has read what it needs from the configured
	 * DataSource, right before {@code CREATE DATABASE ... TEMPLATE}
	 * @return a copy releasing them
	 */
	public RehearsalOptions releasing(ConnectionRelease connectionRelease) {
		return new RehearsalOptions(this.mode, this.url, this.user, this.password, this.maintenanceDatabase,
				this.fallBackToRollback, connectionRelease);
	}

	public Mode mode() {
		return this.mode;
	}

	/** The URL naming the database to copy, {@code null} for the configured DataSource's. */
	public String url() {
		return this.url;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	public String maintenanceDatabase() {
		return this.maintenanceDatabase;
	}

	public boolean fallBackToRollback() {
		return this.fallBackToRollback;
	}

	public ConnectionRelease release() {
		return this.release;
	}

}
