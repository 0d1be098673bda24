package dev.migrations.rehearse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sees the locks of a statement that cannot run in a transaction block ({@code CREATE INDEX
 * CONCURRENTLY} and the like), which release them before anyone could read {@code pg_locks} in the
 * statement's own session. A second session holds a {@code ROW EXCLUSIVE} lock on the table (which
 * takes nothing from the statement's own locks) in an open transaction; the concurrent forms wait for
 * every such transaction to end before building, so they are seen waiting for it, holding their
 * locks. Then the second session lets go and the statement goes on. Nothing here waits on a clock:
 * it polls the server's state until the statement waits for it or ends, and lets go after two
 * minutes at most if the statement never waits for it.
 */
final class LockObserver implements AutoCloseable {

	private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(2);

	private final Connection observer;

	private final int observerPid;

	private final ExecutorService runner = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "migrations-rehearsal");
		thread.setDaemon(true);
		return thread;
	});

	LockObserver(Connection observer) throws SQLException {
		this.observer = observer;
		this.observerPid = PgLocks.pid(observer);
	}

	/** What running one statement under observation gave. */
	record Observed(Duration time, Long rows, Set<PgLocks.Held> locks, String observation, SQLException error) {
	}

	/**
	 * Runs {@code sql} on {@code connection} (in auto-commit) while watching its locks.
	 * @param relation the table or index it works on, as SQL; {@code null} when unknown (its locks are
	 * then only sampled while it runs)
	 */
	Observed run(Connection connection, String sql, String relation) throws SQLException {
		int pid = PgLocks.pid(connection);
		String table = (relation != null) ? tableOf(relation) : null;
		boolean holding = false;
		try {
			if (table != null) {
				this.observer.setAutoCommit(false);
				try (Statement statement = this.observer.createStatement()) {
					statement.execute("LOCK TABLE " + table + " IN ROW EXCLUSIVE MODE");
				}
				holding = true;
			}
			CompletableFuture<Executed> running = CompletableFuture.supplyAsync(() -> Executed.run(connection, sql),
					this.runner);
			Set<PgLocks.Held> seen = new LinkedHashSet<>();
			long started = System.nanoTime();
			long lastFree = started;
			long waited = 0;
			boolean caught = false;
			while (!running.isDone()) {
				long polled = System.nanoTime();
				boolean blocked = holding && PgLocks.blockedBy(this.observer, pid, this.observerPid);
				seen.addAll(PgLocks.heldBy(this.observer, pid));
				if (holding && (blocked || polled - started > GIVE_UP_NANOS)) {
					caught = blocked;
					this.observer.commit();
					// the reads that follow must not keep a transaction open: CREATE INDEX CONCURRENTLY waits
					// for every transaction older than its snapshots to end, this session's too
					this.observer.setAutoCommit(true);
					holding = false;
					waited = System.nanoTime() - lastFree;
				}
				else if (!blocked) {
					lastFree = polled;
				}
				pause();
			}
			Executed executed = join(running);
			String observation = caught ? "its locks were read from a second session while it waited for that session,"
					+ " whose wait is left out of the time"
					: "it cannot run in a transaction: its locks were sampled from a second session while it ran, and a"
							+ " lock held briefly may be missing";
			return new Observed(Duration.ofNanos(Math.max(0, executed.nanos() - waited)), executed.rows(), seen, observation,
					executed.error());
		}
		finally {
			if (holding) {
				this.observer.rollback();
			}
			this.observer.setAutoCommit(true);
		}
	}

	/** The table of an index, or the table itself, as SQL; {@code null} when it does not exist. */
	private String tableOf(String relation) throws SQLException {
		try (PreparedStatement statement = this.observer.prepareStatement("SELECT CASE WHEN c.relkind IN ('i', 'I')"
				+ " THEN (SELECT i.indrelid::regclass::text FROM pg_index i WHERE i.indexrelid = c.oid)"
				+ " ELSE c.oid::regclass::text END FROM pg_class c WHERE c.oid = to_regclass(?)")) {
			statement.setString(1, relation);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static Executed join(CompletableFuture<Executed> running) {
		try {
			return running.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RehearsalException("Interrupted while a rehearsed statement ran", ex);
		}
		catch (ExecutionException ex) {
			throw new RehearsalException("A rehearsed statement could not be run: " + ex.getCause(), ex.getCause());
		}
	}

	// polling the server's state, not waiting for time to pass: each round is a query
	private static void pause() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RehearsalException("Interrupted while watching a rehearsed statement");
		}
	}

	@Override
	public void close() {
		this.runner.shutdownNow();
		try {
			this.observer.close();
		}
		catch (SQLException ex) {
			// the rehearsal's result does not depend on closing the watching session cleanly
		}
	}

	/** A statement's outcome on the connection that ran it. */
	record Executed(long nanos, Long rows, SQLException error) {

		static Executed run(Connection connection, String sql) {
			long start = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				boolean results = statement.execute(sql);
				Long rows = results ? null : rowsOf(sql, statement.getUpdateCount());
				return new Executed(System.nanoTime() - start, rows, null);
			}
			catch (SQLException ex) {
				return new Executed(System.nanoTime() - start, null, ex);
			}
		}

		/** The update count of a statement that changes rows; {@code null} for DDL, whose count means nothing. */
		static Long rowsOf(String sql, int updateCount) {
			if (updateCount < 0) {
				return null;
			}
			String start = sql.stripLeading();
			int end = 0;
			while (end < start.length() && Character.isLetter(start.charAt(end))) {
				end++;
			}
			String word = start.substring(0, end).toLowerCase(java.util.Locale.ROOT);
			boolean dml = word.equals("insert") || word.equals("update") || word.equals("delete") || word.equals("merge")
					|| word.equals("copy") || word.equals("with");
			return (dml || updateCount > 0) ? Long.valueOf(updateCount) : null;
		}

	}

}
