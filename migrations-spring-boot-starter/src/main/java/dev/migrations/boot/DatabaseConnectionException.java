package dev.migrations.boot;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;

import dev.migrations.Secrets;

/**
 * Migrations could not connect to their database: unreachable, refused, or the login was rejected.
 * The message names the JDBC URL (without its password), the user and how many attempts were made.
 */
public class DatabaseConnectionException extends SQLException {

	private static final long serialVersionUID = 1L;

	private final String url;

	private final String user;

	private final int attempts;

	public DatabaseConnectionException(String url, String user, int attempts, Throwable cause) {
		this(url, user, attempts, cause, Set.of());
	}

	/**
	 * @param url the JDBC URL without credentials
	 * @param user the login user
	 * @param attempts how many connection attempts were made
	 * @param cause the driver's (or pool's) failure
	 * @param passwords the passwords of the login, masked where the driver's message repeats them (a URL's
	 * {@code user:password@} that the driver could not read, quoted as a host or a port); one that is the user's
	 * name is not, as the message names the user
	 */
	public DatabaseConnectionException(String url, String user, int attempts, Throwable cause,
			Collection<String> passwords) {
		super("Could not connect to " + ((url != null) ? url : "the database") + ((user != null) ? " as user '" + user + "'" : "")
				+ ((attempts > 1) ? " after " + attempts + " attempts" : "") + ": "
				+ Secrets.mask(rootMessage(cause), notTheUser(passwords, user)), sqlState(cause), errorCode(cause), cause);
		this.url = url;
		this.user = user;
		this.attempts = attempts;
	}

	/** The JDBC URL without credentials; {@code null} when it could not be told. */
	public String url() {
		return this.url;
	}

	/** The login user; {@code null} when it could not be told. */
	public String user() {
		return this.user;
	}

	/** How many connection attempts were made. */
	public int attempts() {
		return this.attempts;
	}

	/** Whether the server rejected the login (SQLState class 28), as opposed to not being reachable. */
	public boolean isAuthenticationFailure() {
		return getSQLState() != null && getSQLState().startsWith("28");
	}

	/**
	 * Whether the server answered that the database does not exist: SQLState 3D000 (PostgreSQL), error 1049
	 * (MariaDB, MySQL), error 90146 (H2).
	 */
	public boolean isUnknownDatabase() {
		return isUnknownDatabase(this);
	}

	/**
	 * Whether H2 answered that another process has the database open (error 90020): an embedded H2 file database
	 * lets one process at a time use its file.
	 */
	public boolean isDatabaseInUse() {
		return getErrorCode() == 90020;
	}

	/** Whether a driver's answer says the database does not exist (see {@link #isUnknownDatabase()}). */
	public static boolean isUnknownDatabase(SQLException answer) {
		return "3D000".equals(answer.getSQLState()) || answer.getErrorCode() == 1049 || answer.getErrorCode() == 90146;
	}

	private static int errorCode(Throwable cause) {
		for (Throwable candidate = cause; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException sql && sql.getErrorCode() != 0) {
				return sql.getErrorCode();
			}
		}
		return 0;
	}

	private static String sqlState(Throwable cause) {
		for (Throwable candidate = cause; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static Collection<String> notTheUser(Collection<String> passwords, String user) {
		return passwords.stream().filter((password) -> !password.equals(user)).toList();
	}

	private static String rootMessage(Throwable cause) {
		// the driver's own words: the deepest SQLException, else the deepest cause
		String message = null;
		for (Throwable candidate = cause; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException && candidate.getMessage() != null) {
				message = candidate.getMessage();
			}
		}
		if (message == null) {
			Throwable root = cause;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			message = String.valueOf(root);
		}
		return message;
	}

}
