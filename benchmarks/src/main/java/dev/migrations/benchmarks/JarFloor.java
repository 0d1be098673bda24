package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;

/**
 * P5's third reference: the connect-only floor started the way the application is, with
 * {@code java -jar} on a copy of its executable jar whose {@code Start-Class} is this class. It loads
 * the driver out of the jar's nested jars through Spring Boot's launcher and does nothing else: no
 * Spring, no application code. What it costs above the plain floor is what {@code java -jar} on that
 * jar costs any program, before the application can act.
 * <p>
 * Run as the copy's main class it reads the database from {@code BENCH_JDBC_URL}, {@code BENCH_USER}
 * and {@code BENCH_PASSWORD}, like {@link ColdStart}. Its only dependency is the JDK and the driver.
 */
@Configuration(proxyBeanMethods = false)
public final class JarFloor {

	private JarFloor() {
	}

	/**
	 * Connects and runs {@code SELECT 1}; with the argument {@code boot}, first starts and closes a
	 * Spring Boot application of no bean but this class (no auto-configuration, no web server): the
	 * least any Spring Boot application started from the jar pays. Further arguments go to it.
	 */
	public static void main(String[] args) throws SQLException {
		if (args.length > 0 && args[0].equals("boot")) {
			SpringApplication application = new SpringApplication(JarFloor.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.run(Arrays.copyOfRange(args, 1, args.length)).close();
		}
		String password = System.getenv("BENCH_PASSWORD");
		try (Connection connection = DriverManager.getConnection(System.getenv("BENCH_JDBC_URL"),
				System.getenv("BENCH_USER"), (password != null) ? password : "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT 1")) {
			rs.next();
		}
	}

	/**
	 * Writes a copy of a Spring Boot executable jar whose {@code Start-Class} is this class, added under
	 * {@code BOOT-INF/classes}. Every other entry is copied as it is, stored entries (the nested jars)
	 * stored again with their sizes and CRC, as the launcher needs them.
	 */
	static Path copyOf(Path applicationJar, Path directory) throws IOException {
		Path copy = directory.resolve("floor-" + applicationJar.getFileName());
		String self = JarFloor.class.getName().replace('.', '/') + ".class";
		try (ZipFile source = new ZipFile(applicationJar.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			Enumeration<? extends ZipEntry> entries = source.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (entry.getName().equals("META-INF/MANIFEST.MF")) {
					String manifest = new String(source.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
					if (!manifest.contains("Start-Class: ")) {
						throw new IllegalStateException(applicationJar + " is not a Spring Boot executable jar (no Start-Class)");
					}
					manifest = manifest.replaceAll("Start-Class: [^\r\n]*", "Start-Class: " + JarFloor.class.getName());
					out.putNextEntry(new ZipEntry(entry.getName()));
					out.write(manifest.getBytes(StandardCharsets.UTF_8));
					out.closeEntry();
					continue;
				}
				ZipEntry copied = new ZipEntry(entry.getName());
				if (entry.getMethod() == ZipEntry.STORED) {
					copied.setMethod(ZipEntry.STORED);
					copied.setSize(entry.getSize());
					copied.setCompressedSize(entry.getSize());
					copied.setCrc(entry.getCrc());
				}
				copied.setTime(entry.getTime());
				out.putNextEntry(copied);
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("BOOT-INF/classes/" + self));
			try (InputStream in = JarFloor.class.getClassLoader().getResourceAsStream(self)) {
				transfer(in, out);
			}
			out.closeEntry();
		}
		return copy;
	}

	private static void transfer(InputStream in, OutputStream out) throws IOException {
		if (in == null) {
			throw new IllegalStateException("JarFloor's own class file is not on the class path");
		}
		in.transferTo(out);
	}

}
