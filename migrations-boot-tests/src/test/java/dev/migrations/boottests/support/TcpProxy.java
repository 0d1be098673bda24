package dev.migrations.boottests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.test.TestDatabase;

/**
 * A TCP proxy on a free loopback port that refuses its first connections (accepting them and
 * closing them at once, as a database that is still starting does) and forwards the later ones to
 * the real server. Whether a connection is refused depends only on how many came before it, never
 * on time.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final int refused;

	private final AtomicInteger accepted = new AtomicInteger();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	/**
	 * @param targetHost where connections are forwarded
	 * @param targetPort the port there
	 * @param refused how many connections to refuse first; {@link Integer#MAX_VALUE} refuses all
	 */
	public TcpProxy(String targetHost, int targetPort, int refused) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.refused = refused;
		this.acceptor = new Thread(this::accept, "tcp-proxy-" + this.server.getLocalPort());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/** A proxy in front of a test database's server. */
	public static TcpProxy to(TestDatabase database, int refused) throws IOException {
		Matcher address = Pattern.compile("//\\[?([^/\\]]*?)\\]?(?::(\\d+))?/")
			.matcher(database.jdbcUrl());
		if (!address.find()) {
			throw new IllegalArgumentException("No host in " + database.jdbcUrl());
		}
		int port = (address.group(2) != null) ? Integer.parseInt(address.group(2)) : 5432;
		return new TcpProxy(address.group(1), port, refused);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** How many connections were refused so far. */
	public int refusedSoFar() {
		return Math.min(this.accepted.get(), this.refused);
	}

	/** A JDBC URL of the same database through this proxy. */
	public String jdbcUrl(String targetUrl) {
		return targetUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port() + "/");
	}

	private void accept() {
		while (!this.server.isClosed()) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				return;
			}
			if (this.accepted.incrementAndGet() <= this.refused) {
				closeQuietly(client);
				continue;
			}
			try {
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(this.targetHost, this.targetPort));
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				closeQuietly(client);
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed: close the other
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.sockets.forEach(TcpProxy::closeQuietly);
	}

}
