package dev.migrations.rehearse;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.Secrets;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.lint.OutsideTheDatabase;
import dev.migrations.lint.Statements;
import dev.migrations.revision.Revision;
import dev.migrations.runner.NoCommitConnection;
import dev.migrations.runner.Refusal;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.sql.SqlSyntaxException;

/**
 * Runs the revisions an upgrade would apply where nothing is kept, and reports per statement its time,
 * the locks it took ({@code pg_locks}) and the rows it touched. See {@link RehearsalOptions} for the
 * two places it can run. Statements run as the upgrade runs them: a transactional revision in one
 * transaction, the statements of a {@code transactional: false} one each on their own (a statement
 * allowed in a transaction block is run in a one-statement transaction, which is what auto-commit does,
 * so its locks can be read before they are released; one that is not is watched by {@link LockObserver}).
 * The version table is not written.
 */
public final class Rehearsal {

	/** Which revisions an upgrade of a database to the target would apply. */
	@FunctionalInterface
	public interface Planner {

		/**
		 * @param database the database whose version table decides (the copy, or the target)
		 * @return the revisions, in the order the upgrade would apply them
		 */
		List<Revision> plan(DataSource database);

	}

	private static final String OBJECT_IN_USE = "55006";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private final String target;

	private final RehearsalOptions options;

	private final Dialect dialect;

	private final String schema;

	private final Planner planner;

	/**
	 * @param target the upgrade target rehearsed, for the report
	 * @param options where to run
	 * @param dialect the database's dialect (PostgreSQL)
	 * @param schema the schema revisions run in, {@code null} for the connection's default
	 * @param planner which revisions to run
	 */
	public Rehearsal(String target, RehearsalOptions options, Dialect dialect, String schema, Planner planner) {
		this.target = target;
		this.options = options;
		this.dialect = dialect;
		this.schema = schema;
		this.planner = planner;
	}

	/**
	 * Rehearses the upgrade.
	 * @param configured the target database
	 * @return the report; {@link RehearsalReport#failed()} when a statement failed
	 * @throws RehearsalException when the rehearsal cannot run (no copy can be made, a revision cannot
	 * be rolled back); nothing was changed
	 */
	public RehearsalReport run(DataSource configured) {
		long start = System.nanoTime();
		try {
			return (this.options.mode() == RehearsalOptions.Mode.COPY) ? onCopy(configured, start)
					: inRollback(configured, start, List.of());
		}
		catch (SQLException ex) {
			throw new RehearsalException("The rehearsal could not read or run on the database: " + ex.getMessage(), ex);
		}
	}

	private RehearsalReport inRollback(DataSource configured, long start, List<String> notes) throws SQLException {
		List<Revision> plan = this.planner.plan(configured);
		List<String> nonTransactional = plan.stream().filter((r) -> !r.transactional())
			.map((r) -> r.id() + " (" + r.source() + ")").toList();
		if (!nonTransactional.isEmpty()) {
			throw new RehearsalException("Cannot rehearse in a rolled-back transaction: revision"
					+ (nonTransactional.size() == 1 ? " " : "s ") + String.join(", ", nonTransactional)
					+ (nonTransactional.size() == 1 ? " is not transactional (`transactional: false`), so what it does"
							: " are not transactional (`transactional: false`), so what they do")
					+ " cannot be rolled back. Rehearse on a copy instead: `db rehearse` without --rollback"
					+ " (RehearsalOptions.copy() in the Java API).");
		}
		refuseWhatTheUpgradeRefuses(plan);
		refuseOutside(plan, false);
		String database;
		List<RevisionRehearsal> revisions;
		try (Connection connection = configured.getConnection()) {
			database = currentDatabase(connection);
			revisions = new Run(connection, null, false).revisions(plan);
		}
		List<String> allNotes = new ArrayList<>(notes);
		if (plan.size() > 1) {
			allNotes.add("All revisions ran in one transaction, so a lock an earlier revision took shows only where it was"
					+ " first taken; the upgrade takes it again in each revision's own transaction.");
		}
		allNotes.add("Sequences advanced by the rehearsal (nextval) keep their new values: PostgreSQL never rolls them back.");
		return new RehearsalReport(RehearsalOptions.Mode.ROLLBACK, database, null, this.target, revisions, allNotes,
				Duration.ofNanos(System.nanoTime() - start));
	}

	private RehearsalReport onCopy(DataSource configured, long start) throws SQLException {
		UrlDataSource server = null;
		String source = null;
		// where unqualified names resolve for the application: a setting of its pool, of its sessions or of the
		// database itself (which a copy does not carry), given to the copy's sessions
		String searchPath = null;
		if (this.schema == null || this.options.url() == null) {
			try (Connection connection = configured.getConnection()) {
				if (this.schema == null) {
					searchPath = searchPath(connection);
				}
				if (this.options.url() == null) {
					DatabaseMetaData metaData = connection.getMetaData();
					server = new UrlDataSource(metaData.getURL(), metaData.getUserName(), null);
					source = currentDatabase(connection);
				}
			}
		}
		if (server == null) {
			server = new UrlDataSource(this.options.url(), this.options.user(), this.options.password());
			try (Connection connection = connect(server, "the database to copy")) {
				source = currentDatabase(connection);
			}
		}
		if (this.options.url() == null || sameServer(configured, server)) {
			// the copy is made on the database's own server, which keeps what reaches outside the copy
			List<Revision> plan = this.planner.plan(configured);
			if (plan.isEmpty()) {
				// a copy of this database would have nothing to run either: none is made
				return new RehearsalReport(RehearsalOptions.Mode.COPY, source, null, this.target, List.of(), List.of(),
						Duration.ofNanos(System.nanoTime() - start));
			}
			refuseWhatTheUpgradeRefuses(plan);
			refuseOutside(plan, true);
		}
		String maintenance = this.options.maintenanceDatabase().equals(source) ? "template1"
				: this.options.maintenanceDatabase();
		RehearsalReport report = null;
		String refusedBy = null;
		Runnable restore = this.options.release().release();
		try {
			report = copyAndRun(server, source, maintenance, searchPath);
		}
		catch (CopyRefused ex) {
			refusedBy = ex.sessions;
		}
		finally {
			restore.run();
		}
		if (refusedBy != null) {
			return inRollback(configured, start, List.of("No copy of " + source + " could be made (" + refusedBy
					+ "), so the revisions ran on it in a transaction that was rolled back."));
		}
		return new RehearsalReport(report.mode(), report.database(), report.copy(), report.target(), report.revisions(),
				report.notes(), Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Refuses a plan holding a revision the upgrade would refuse before running any of it (a section that
	 * cannot be split, its own {@code COMMIT} or {@code BEGIN}, a {@code COPY ... FROM STDIN}): rehearsing it
	 * would report an upgrade that cannot happen, and in a rolled-back transaction its {@code COMMIT} would
	 * keep on the database what ran before it.
	 */
	private static void refuseWhatTheUpgradeRefuses(List<Revision> plan) {
		for (Revision revision : plan) {
			if (revision.body() instanceof Revision.SqlBody body) {
				String refused = "Cannot rehearse: the upgrade would refuse revision " + revision.id() + " ("
						+ revision.source() + ") before running any of it: ";
				List<SqlStatement> statements;
				try {
					statements = SqlSplitter.split(body.upgrade(), SqlSyntax.POSTGRESQL, Math.max(body.upgradeLine(), 1));
				}
				catch (SqlSyntaxException ex) {
					throw new RehearsalException(refused + "its upgrade section cannot be split into statements: "
							+ ex.getMessage() + ". Nothing was rehearsed.", ex);
				}
				Refusal refusal = Refusal.first(statements, true, SqlSyntax.POSTGRESQL, revision.transactional(),
						revision.transactional());
				if (refusal != null) {
					throw new RehearsalException(refused + refusal.reason() + " Nothing was rehearsed.");
				}
			}
		}
	}

	/**
	 * Refuses a plan holding a statement whose effect the rehearsal could not keep to itself: on a copy made on the
	 * database's server, anything changed outside the database (a role, the database's settings...), which the server
	 * would keep and the real upgrade then find done; in a rolled-back transaction, what the rollback does not undo
	 * (a file written, another session ended...).
	 */
	private static void refuseOutside(List<Revision> plan, boolean onCopy) {
		List<String> found = new ArrayList<>();
		boolean allRolledBack = true;
		for (Revision revision : plan) {
			if (revision.body() instanceof Revision.SqlBody body) {
				for (SqlStatement statement : SqlSplitter.split(body.upgrade(), SqlSyntax.POSTGRESQL,
						Math.max(body.upgradeLine(), 1))) {
					OutsideTheDatabase.Reach reach = OutsideTheDatabase.of(statement.sql());
					if (reach != null && (onCopy || !reach.rolledBack())) {
						found.add("  " + revision.source() + ":" + statement.line() + " (revision " + revision.id() + "): "
								+ reach.what());
						allRolledBack &= reach.rolledBack();
					}
				}
			}
		}
		if (found.isEmpty()) {
			return;
		}
		String what = (found.size() == 1) ? "this statement does" : "these statements do";
		String advice = allRolledBack
				? "Rehearse in a transaction that is rolled back, where the server undoes it: `db rehearse --rollback`"
						+ " (RehearsalOptions.rollback())."
				: "Review " + (found.size() == 1 ? "it" : "them") + " by hand, or rehearse on a server of its own, e.g. a"
						+ " restored backup (RehearsalOptions.copy(url, user, password)).";
		throw new RehearsalException((onCopy
				? "Cannot rehearse on a copy: what " + what + " is outside the database, so the server would keep it, not"
						+ " the copy, and the real upgrade would then find it done:\n"
				: "Cannot rehearse: what " + what + " outside the database is not undone when the rehearsal's transaction"
						+ " is rolled back:\n")
				+ String.join("\n", found) + "\n" + advice + " Nothing was run.");
	}

	/** Whether the database to copy is on the configured database's server (same address and port, as the server sees them). */
	private static boolean sameServer(DataSource configured, UrlDataSource copied) throws SQLException {
		try (Connection one = configured.getConnection(); Connection other = connect(copied, "the database to copy")) {
			return server(one).equals(server(other));
		}
	}

	private static String server(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select coalesce(host(inet_server_addr()), 'local') || ':'"
						+ " || current_setting('port') || ':' || current_setting('cluster_name')")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** The copy could not be made for the sessions connected, and the options fall back to a rollback. */
	private static final class CopyRefused extends Exception {

		private final String sessions;

		CopyRefused(String sessions) {
			super(sessions, null, false, false);
			this.sessions = sessions;
		}

	}

	/**
	 * Copies the database. The server waits a few seconds for sessions that are ending; a session the caller's
	 * pool was still opening when it released its sessions arrives after that, and stays idle: the caller releases
	 * again (only its first release is set back) and the copy is tried once more, twice at most.
	 */
	private void createCopy(Connection admin, String copy, String source) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE " + PostgresIdentifiers.quote(copy) + " TEMPLATE "
						+ PostgresIdentifiers.quote(source));
				return;
			}
			catch (SQLException ex) {
				if (!OBJECT_IN_USE.equals(ex.getSQLState()) || attempt == 3
						|| this.options.release() == RehearsalOptions.ConnectionRelease.NONE) {
					throw ex;
				}
				this.options.release().release();
			}
		}
	}

	private RehearsalReport copyAndRun(UrlDataSource server, String source, String maintenance, String searchPath)
			throws CopyRefused {
		String copy = copyName(source);
		try (Connection admin = connect(server.withDatabase(maintenance), "the maintenance database " + maintenance)) {
			List<String> notes = leftovers(admin, source);
			try {
				createCopy(admin, copy, source);
			}
			catch (SQLException ex) {
				if (OBJECT_IN_USE.equals(ex.getSQLState())) {
					String sessions = sessions(admin, source);
					if (this.options.fallBackToRollback()) {
						throw new CopyRefused(sessions);
					}
					throw new RehearsalException("Cannot copy database " + source + " for the rehearsal: CREATE DATABASE ..."
							+ " TEMPLATE needs no other session connected to it, and " + sessions + ". Stop them, rehearse"
							+ " on a copy of a restored backup (RehearsalOptions.copy(url, user, password)), or rehearse"
							+ " transactional revisions in a rolled-back transaction on the database itself (`db rehearse"
							+ " --rollback`, RehearsalOptions.rollback(); its locks are real).", ex);
				}
				if (INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
					throw new RehearsalException("Cannot copy database " + source + " for the rehearsal: the user may not"
							+ " create databases (" + ex.getMessage() + "). Grant it CREATEDB, pass a user that has it"
							+ " (RehearsalOptions.copy(url, user, password)), or rehearse transactional revisions in a"
							+ " rolled-back transaction on the database itself (`db rehearse --rollback`,"
							+ " RehearsalOptions.rollback(); its locks are real).", ex);
				}
				throw new RehearsalException("Cannot copy database " + source + " for the rehearsal: " + ex.getMessage(), ex);
			}
			RehearsalReport report = null;
			RuntimeException failure = null;
			// a shutdown during the rehearsal (SIGTERM, Ctrl+C) drops the copy rather than leave it behind
			Thread dropOnShutdown = new Thread(() -> dropOnShutdown(server.withDatabase(maintenance), copy),
					"migrations-rehearsal-drop-copy");
			boolean hooked = addShutdownHook(dropOnShutdown);
			try {
				UrlDataSource copyDataSource = server.withDatabase(copy).withSearchPath(searchPath);
				List<Revision> plan = this.planner.plan(copyDataSource);
				refuseWhatTheUpgradeRefuses(plan);
				List<RevisionRehearsal> revisions;
				try (Connection connection = copyDataSource.getConnection();
						LockObserver observer = new LockObserver(inSchema(copyDataSource.getConnection()))) {
					revisions = new Run(connection, observer, true).revisions(plan);
				}
				report = new RehearsalReport(RehearsalOptions.Mode.COPY, source, copy, this.target, revisions, notes,
						Duration.ZERO);
			}
			catch (SQLException ex) {
				failure = new RehearsalException("The rehearsal on " + copy + " (a copy of " + source + ") could not run: "
						+ ex.getMessage(), ex);
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			finally {
				drop(admin, copy, failure);
				if (hooked) {
					removeShutdownHook(dropOnShutdown);
				}
			}
			if (failure != null) {
				throw failure;
			}
			return report;
		}
		catch (SQLException ex) {
			// closing the maintenance connection
			throw new RehearsalException("The rehearsal's connection to " + maintenance + " failed: " + ex.getMessage(),
					ex);
		}
	}

	private static String searchPath(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** The connection with unqualified names resolving where the revisions run, as the statements it watches see them. */
	private Connection inSchema(Connection connection) throws SQLException {
		if (this.schema != null) {
			this.dialect.useSchema(connection, this.schema);
		}
		return connection;
	}

	private static Connection connect(UrlDataSource dataSource, String what) {
		try {
			return dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new RehearsalException("Cannot connect to " + what + " (" + Secrets.maskUrl(dataSource.url()) + ") to make a"
					+ " copy for the rehearsal: " + Secrets.mask(ex.getMessage(), Secrets.inUrl(dataSource.url())) + ". Pass a URL, user and password that reach it with"
					+ " RehearsalOptions.copy(url, user, password).", ex);
		}
	}

	private static boolean addShutdownHook(Thread hook) {
		try {
			Runtime.getRuntime().addShutdownHook(hook);
			return true;
		}
		catch (IllegalStateException ex) {
			// already shutting down: the copy is dropped as the rehearsal ends
			return false;
		}
	}

	private static void removeShutdownHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// shutting down: the hook runs, and finds the copy dropped
		}
	}

	/** In a shutdown hook: drops the copy on a connection of its own, ending the sessions still on it. */
	private static void dropOnShutdown(UrlDataSource maintenance, String copy) {
		String quoted = PostgresIdentifiers.quote(copy);
		try (Connection admin = maintenance.getConnection(); Statement statement = admin.createStatement()) {
			if (admin.getMetaData().getDatabaseMajorVersion() >= 13) {
				statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
			}
			else {
				try (PreparedStatement terminate = admin.prepareStatement(
						"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
					terminate.setString(1, copy);
					terminate.execute();
				}
				statement.execute("DROP DATABASE IF EXISTS " + quoted);
			}
			System.err.println("The rehearsal was stopped: its copy " + copy + " was dropped.");
		}
		catch (SQLException | RuntimeException ex) {
			System.err.println("The rehearsal was stopped and its copy " + copy + " could not be dropped (" + ex.getMessage()
					+ "): drop it with DROP DATABASE " + quoted + " WITH (FORCE);");
		}
	}

	/**
	 * Copies left by earlier rehearsals of {@code source} that were stopped before dropping them, named with the
	 * command that removes them; not dropped here, as another rehearsal may be running on one.
	 */
	static List<String> leftovers(Connection admin, String source) {
		String prefix = copyName(source);
		prefix = prefix.substring(0, prefix.length() - 8);
		List<String> found = new ArrayList<>();
		try (PreparedStatement statement = admin.prepareStatement(
				"SELECT datname FROM pg_database WHERE datname ~ ? ORDER BY datname")) {
			statement.setString(1, "^" + prefix + "[0-9a-f]{8}$");
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					found.add(rs.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			return List.of();
		}
		if (found.isEmpty()) {
			return List.of();
		}
		StringBuilder note = new StringBuilder("Left behind by earlier rehearsals that were stopped: " + String.join(", ", found)
				+ ". Unless a rehearsal is running on " + (found.size() == 1 ? "it" : "one of them") + ", drop "
				+ (found.size() == 1 ? "it" : "them") + ":");
		for (String name : found) {
			note.append("\n  DROP DATABASE ").append(PostgresIdentifiers.quote(name)).append(" WITH (FORCE);");
		}
		return List.of(note.toString());
	}

	private static void drop(Connection admin, String copy, RuntimeException failure) {
		try (Statement statement = admin.createStatement()) {
			boolean force = admin.getMetaData().getDatabaseMajorVersion() >= 13;
			statement.execute("DROP DATABASE IF EXISTS " + PostgresIdentifiers.quote(copy) + (force ? " WITH (FORCE)" : ""));
		}
		catch (SQLException ex) {
			RehearsalException dropFailure = new RehearsalException("The rehearsal's copy " + copy + " could not be dropped: "
					+ ex.getMessage() + ". Drop it with DROP DATABASE " + PostgresIdentifiers.quote(copy) + ".", ex);
			if (failure != null) {
				failure.addSuppressed(dropFailure);
				return;
			}
			throw dropFailure;
		}
	}

	private static String sessions(Connection admin, String database) {
		try (PreparedStatement statement = admin.prepareStatement("SELECT pid, usename, application_name, client_addr"
				+ " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() ORDER BY pid")) {
			statement.setString(1, database);
			List<String> sessions = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String application = rs.getString(3);
					sessions.add("pid " + rs.getInt(1) + " (" + rs.getString(2)
							+ ((application != null && !application.isEmpty()) ? ", " + application : "")
							+ ((rs.getString(4) != null) ? ", from " + rs.getString(4) : "") + ")");
				}
			}
			if (sessions.isEmpty()) {
				return "another session was connected to it";
			}
			return sessions.size() + (sessions.size() == 1 ? " session is" : " sessions are") + " connected: "
					+ String.join(", ", sessions.subList(0, Math.min(5, sessions.size())))
					+ (sessions.size() > 5 ? ", ..." : "");
		}
		catch (SQLException ex) {
			return "other sessions are connected to it";
		}
	}

	private static String currentDatabase(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_database()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** {@code <source>_rehearsal_<8 hex digits>}, within PostgreSQL's 63 bytes. */
	static String copyName(String source) {
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		String suffix = "_rehearsal_" + HexFormat.of().formatHex(random);
		String prefix = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		return prefix.substring(0, Math.min(prefix.length(), 63 - suffix.length())) + suffix;
	}

	/** One pass over the planned revisions on one connection. */
	private final class Run {

		private final Connection connection;

		private final LockObserver observer;

		private final boolean commit;

		/** Locks the current transaction holds (across revisions when nothing is committed). */
		private final Set<PgLocks.Held> held = new HashSet<>();

		Run(Connection connection, LockObserver observer, boolean commit) {
			this.connection = connection;
			this.observer = observer;
			this.commit = commit;
		}

		List<RevisionRehearsal> revisions(List<Revision> plan) throws SQLException {
			String originalSchema = (Rehearsal.this.schema != null)
					? Rehearsal.this.dialect.useSchema(this.connection, Rehearsal.this.schema) : null;
			boolean autoCommit = this.connection.getAutoCommit();
			List<RevisionRehearsal> revisions = new ArrayList<>();
			try {
				if (!this.commit) {
					this.connection.setAutoCommit(false);
				}
				for (Revision revision : plan) {
					RevisionRehearsal rehearsed = revision(revision);
					revisions.add(rehearsed);
					if (rehearsed.failed()) {
						break;
					}
				}
			}
			finally {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
				}
				this.connection.setAutoCommit(autoCommit);
				if (originalSchema != null) {
					Rehearsal.this.dialect.restoreSchema(this.connection, originalSchema);
				}
			}
			return revisions;
		}

		private RevisionRehearsal revision(Revision revision) throws SQLException {
			long start = System.nanoTime();
			Map<Long, PgLocks.Relation> existing = PgLocks.relations(this.connection);
			List<Step> steps = new ArrayList<>();
			boolean transactional = revision.transactional();
			if (transactional && this.commit) {
				this.connection.setAutoCommit(false);
				this.held.clear();
			}
			for (Step step : steps(revision)) {
				Step done = transactional ? inTransaction(step, revision) : onItsOwn(step);
				steps.add(done);
				if (done.error != null) {
					break;
				}
			}
			long commitNanos = 0;
			boolean failed = steps.stream().anyMatch((s) -> s.error != null);
			if (transactional && this.commit) {
				long commitStart = System.nanoTime();
				if (failed) {
					this.connection.rollback();
				}
				else {
					this.connection.commit();
					commitNanos = System.nanoTime() - commitStart;
				}
				this.connection.setAutoCommit(true);
			}
			else if (failed && !this.connection.getAutoCommit()) {
				// the rolled-back rehearsal's one transaction is aborted: end it, so the catalog can still be read
				// for the report (nothing is kept either way)
				this.connection.rollback();
			}
			Set<Long> unknown = new HashSet<>();
			steps.forEach((s) -> s.locks.forEach((l) -> {
				if (!existing.containsKey(l.relation())) {
					unknown.add(l.relation());
				}
			}));
			Map<Long, PgLocks.Relation> created = PgLocks.relations(this.connection, unknown);
			List<StatementRehearsal> statements = new ArrayList<>();
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				// a transactional revision holds each lock until its commit; otherwise a statement holds its own
				long heldNanos = step.nanos;
				if (transactional) {
					heldNanos = commitNanos;
					for (int k = i; k < steps.size(); k++) {
						heldNanos += steps.get(k).nanos;
					}
				}
				statements.add(new StatementRehearsal(i + 1, step.line, Statements.display(step.sql),
						Duration.ofNanos(step.nanos), step.rows,
						locks(step.locks, existing, created, Duration.ofNanos(heldNanos)), step.observation,
						(step.error != null) ? message(step.error) : null));
			}
			return new RevisionRehearsal(revision.id(), revision.message(), revision.source(), transactional, statements,
					Duration.ofNanos(commitNanos), Duration.ofNanos(System.nanoTime() - start));
		}

		private List<Step> steps(Revision revision) {
			if (revision.body() instanceof Revision.SqlBody body) {
				List<Step> steps = new ArrayList<>();
				for (SqlStatement statement : SqlSplitter.split(body.upgrade(), SqlSyntax.POSTGRESQL)) {
					steps.add(new Step(body.upgradeLine() + statement.line() - 1, statement.sql(), null));
				}
				return steps;
			}
			Revision.JavaBody body = (Revision.JavaBody) revision.body();
			return List.of(new Step(0, "Java revision " + body.implementation().getClass().getName(), body));
		}

		/** Runs a statement inside the revision's transaction and reads the locks it added. */
		private Step inTransaction(Step step, Revision revision) throws SQLException {
			execute(step);
			if (step.error == null) {
				Set<PgLocks.Held> now = PgLocks.held(this.connection);
				for (PgLocks.Held lock : now) {
					if (this.held.add(lock)) {
						step.locks.add(lock);
					}
				}
			}
			return step;
		}

		/** Runs a statement of a non-transactional revision: in a one-statement transaction when PostgreSQL allows it. */
		private Step onItsOwn(Step step) throws SQLException {
			this.held.clear();
			if (step.java != null) {
				execute(step);
				return step;
			}
			this.connection.setAutoCommit(false);
			try {
				execute(step);
				if (step.error == null) {
					step.locks.addAll(PgLocks.held(this.connection));
					this.connection.commit();
					return step;
				}
				this.connection.rollback();
			}
			finally {
				this.connection.setAutoCommit(true);
			}
			if (!ACTIVE_SQL_TRANSACTION.equals(step.error.getSQLState()) || this.observer == null) {
				return step;
			}
			LockObserver.Observed observed = this.observer.run(this.connection, step.sql,
					Statements.relationOf(step.sql));
			Step watched = new Step(step.line, step.sql, null);
			watched.nanos = observed.time().toNanos();
			watched.rows = observed.rows();
			watched.error = observed.error();
			watched.observation = observed.observation();
			watched.locks.addAll(observed.locks());
			return watched;
		}

		private void execute(Step step) {
			long start = System.nanoTime();
			if (step.java != null) {
				try {
					step.java.implementation().upgrade(this.commit ? this.connection
							: withoutCommit(this.connection, step.java.implementation().revision()));
				}
				catch (SQLException ex) {
					step.error = ex;
				}
				catch (Exception ex) {
					step.error = new SQLException(ex.toString(), ex);
				}
				step.nanos = System.nanoTime() - start;
				return;
			}
			LockObserver.Executed executed = LockObserver.Executed.run(this.connection, step.sql);
			step.nanos = executed.nanos();
			step.rows = executed.rows();
			step.error = executed.error();
		}

	}

	/**
	 * The connection a Java revision gets in a rolled-back transaction: its {@code commit()}, {@code rollback()}
	 * and {@code setAutoCommit(true)} would end the rehearsal's transaction, keeping on the database what ran
	 * before them (a data migration committing in batches), so they fail, and the revision is reported as failed.
	 */
	private static Connection withoutCommit(Connection connection, String revision) {
		return NoCommitConnection.of(connection, (call) -> "A rehearsal in a rolled-back transaction cannot commit: Java"
				+ " revision " + revision + " called " + call + ", which would keep what ran before it on the database."
				+ " Rehearse it on a copy: `db rehearse` without --rollback (RehearsalOptions.copy() in the Java API).");
	}

	private static List<LockTaken> locks(List<PgLocks.Held> locks, Map<Long, PgLocks.Relation> existing,
			Map<Long, PgLocks.Relation> created, Duration held) {
		List<LockTaken> taken = new ArrayList<>();
		for (PgLocks.Held lock : locks) {
			PgLocks.Relation relation = existing.get(lock.relation());
			boolean isNew = relation == null;
			if (isNew) {
				relation = created.get(lock.relation());
			}
			if (relation == null) {
				// a system catalog, or a relation created and dropped again
				continue;
			}
			if (!relation.kind().equals("table") && !lock.mode().blocksWrites()) {
				continue;
			}
			taken.add(new LockTaken(relation.name(), relation.kind(), lock.mode(), isNew, held));
		}
		// pg_locks has no order: existing relations first, then by name and mode
		taken.sort(Comparator.comparing(LockTaken::newRelation).thenComparing(LockTaken::relation)
			.thenComparing(LockTaken::mode));
		return taken;
	}

	private static String message(SQLException error) {
		return error.getMessage() + ((error.getSQLState() != null) ? " [SQLState " + error.getSQLState() + "]" : "");
	}

	/** One statement (or a Java revision) and what running it gave. */
	private static final class Step {

		final int line;

		final String sql;

		final Revision.JavaBody java;

		final List<PgLocks.Held> locks = new ArrayList<>();

		long nanos;

		Long rows;

		SQLException error;

		String observation;

		Step(int line, String sql, Revision.JavaBody java) {
			this.line = line;
			this.sql = sql;
			this.java = java;
		}

	}

}
