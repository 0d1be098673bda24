package dev.migrations.runner;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The connection a Java revision gets inside a transaction it must not end: its {@code commit()},
 * {@code rollback()} (a savepoint's is fine) and {@code setAutoCommit(true)} fail, since they would keep what ran
 * before them while the revision is rolled back or recorded apart from it; its {@code close()} does nothing, since the
 * connection is the command's.
 */
public final class NoCommitConnection {

	private NoCommitConnection() {
	}

	/**
	 * @param connection the connection, in a transaction
	 * @param refusal the message of the failure, given the call refused, e.g. {@code Connection.commit()}
	 */
	public static Connection of(Connection connection, Function<String, String> refusal) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			boolean ends = (name.equals("commit") || name.equals("rollback")) && (args == null || args.length == 0)
					|| name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]);
			if (ends) {
				throw new SQLException(refusal.apply("Connection." + name + (name.equals("setAutoCommit") ? "(true)" : "()")));
			}
			if (name.equals("close")) {
				return null;
			}
			try {
				return method.invoke(connection, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Connection) Proxy.newProxyInstance(NoCommitConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

}
