package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * A data source that sums the CPU time of the PostgreSQL backends its connections ran on, read from
 * {@code /proc/<pid>/schedstat} (nanoseconds on a CPU) just before each connection closes: the part of a run's
 * cost that other work on the machine does not stretch, as waiting for a core does. Only for a server on this
 * machine; where the file cannot be read the total stays unknown ({@link #nanos()} is then -1).
 */
final class BackendCpuDataSource implements DataSource {

	private final DataSource delegate;

	private final AtomicLong nanos = new AtomicLong();

	private volatile boolean unknown;

	BackendCpuDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	/** The CPU time of the backends of every connection closed so far, or -1 when one could not be read. */
	long nanos() {
		return this.unknown ? -1 : this.nanos.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return measured(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return measured(this.delegate.getConnection(username, password));
	}

	private Connection measured(Connection connection) throws SQLException {
		int pid = connection.unwrap(PGConnection.class).getBackendPID();
		long[] start = { onCpu(pid) };
		return (Connection) Proxy.newProxyInstance(BackendCpuDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && start[0] != Long.MIN_VALUE) {
						long end = onCpu(pid);
						if (end < 0 || start[0] < 0) {
							this.unknown = true;
						}
						else {
							this.nanos.addAndGet(end - start[0]);
						}
						start[0] = Long.MIN_VALUE;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	// the first field of schedstat: time spent on a CPU, in nanoseconds
	private static long onCpu(int pid) {
		try {
			return Long.parseLong(Files.readString(Path.of("/proc", Integer.toString(pid), "schedstat")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.delegate.isWrapperFor(iface);
	}

}
