package dev.migrations.benchmarks;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that sums the CPU time of the PostgreSQL backends its connections ran on, read from
 * {@code /proc/<pid>/schedstat} (nanoseconds on a CPU) just before each connection closes: the part of a run's
 * cost that other work on the machine does not stretch, as waiting for a core does. Only for a server on this
 * machine; where the file cannot be read the total stays unknown ({@link #nanos()} is then -1).
 */
final class BackendCpuDataSource extends DelegatingDataSource {

	private final AtomicLong nanos = new AtomicLong();

	private volatile boolean unknown;

	BackendCpuDataSource(DataSource delegate) {
		super(delegate);
	}

	/** The CPU time of the backends of every connection closed so far, or -1 when one could not be read. */
	long nanos() {
		return this.unknown ? -1 : this.nanos.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return measured(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return measured(super.getConnection(username, password));
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

}
