package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes N JPA entity classes, compiles them and loads them, so the autogenerate benchmark works on
 * entities as an application has them (compiled classes read by Hibernate), at any size.
 * <p>
 * Each entity {@code E0001} maps table {@code e_0001}: an identity key, nine typed columns (a unique
 * code, an enum stored as text with its check constraint, a decimal, a date, a timestamp), two
 * indexes, and a many-to-one to the previous entity, so the first N entities of a larger set are a
 * closed set of their own.
 */
final class EntityGenerator {

	static final String PACKAGE = "bench.entities";

	private EntityGenerator() {
	}

	static String className(int i) {
		return String.format(Locale.ROOT, "E%04d", i);
	}

	static String tableName(int i) {
		return String.format(Locale.ROOT, "e_%04d", i);
	}

	/**
	 * Compiles {@code count} entities under {@code directory} and loads them; the first class is {@code E0001}.
	 * A directory where the same count was compiled before (marked by {@code classes/.complete}) is reused
	 * as it is: {@code -Dbench.entities.dir=DIR} keeps the classes between runs.
	 */
	static List<Class<?>> compileAndLoad(Path directory, int count) throws IOException, ClassNotFoundException {
		Path sources = directory.resolve("src");
		Path classes = directory.resolve("classes");
		Path complete = classes.resolve(".complete");
		if (!Files.exists(complete) || !Files.readString(complete).equals(Integer.toString(count))) {
			Path packageDirectory = sources.resolve(PACKAGE.replace('.', '/'));
			Files.createDirectories(packageDirectory);
			Files.createDirectories(classes);
			List<Path> files = new ArrayList<>();
			files.add(write(packageDirectory.resolve("Status.java"),
					"package " + PACKAGE + ";\n\npublic enum Status { NEW, ACTIVE, CLOSED }\n"));
			for (int i = 1; i <= count; i++) {
				files.add(write(packageDirectory.resolve(className(i) + ".java"), source(i)));
			}
			compile(files, classes);
			Files.writeString(complete, Integer.toString(count));
		}
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, EntityGenerator.class.getClassLoader());
		List<Class<?>> loaded = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			loaded.add(Class.forName(PACKAGE + "." + className(i), false, loader));
		}
		return loaded;
	}

	private static Path write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	static String source(int i) {
		String name = className(i);
		String table = tableName(i);
		StringBuilder java = new StringBuilder();
		java.append("package ").append(PACKAGE).append(";\n\n");
		java.append("import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.time.LocalDate;\n\n");
		java.append("import jakarta.persistence.*;\n\n");
		java.append("@Entity\n@Table(name = \"").append(table).append("\", indexes = {\n");
		java.append("\t\t@Index(name = \"ix_").append(table).append("_name\", columnList = \"name\"),\n");
		java.append("\t\t@Index(name = \"ix_").append(table).append("_day_status\", columnList = \"day, status\") })\n");
		java.append("public class ").append(name).append(" {\n\n");
		java.append("\t@Id\n\t@GeneratedValue(strategy = GenerationType.IDENTITY)\n\tprivate Long id;\n\n");
		java.append("\t@Column(nullable = false, length = 80)\n\tprivate String name;\n\n");
		java.append("\t@Column(length = 40, unique = true)\n\tprivate String code;\n\n");
		java.append("\t@Enumerated(EnumType.STRING)\n\t@Column(nullable = false, length = 20)\n\tprivate Status status;\n\n");
		java.append("\tprivate int quantity;\n\n");
		java.append("\t@Column(precision = 12, scale = 2)\n\tprivate BigDecimal amount;\n\n");
		java.append("\tprivate boolean active;\n\n");
		java.append("\tprivate LocalDate day;\n\n");
		java.append("\tprivate Instant createdAt;\n\n");
		java.append("\t@Column(length = 1000)\n\tprivate String description;\n");
		if (i > 1) {
			java.append("\n\t@ManyToOne(fetch = FetchType.LAZY)\n\t@JoinColumn(name = \"parent_id\")\n\tprivate ")
				.append(className(i - 1)).append(" parent;\n");
		}
		java.append("\n}\n");
		return java.toString();
	}

	private static void compile(List<Path> files, Path output) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("P3 compiles its entities at run time: run the benchmarks on a JDK, not a JRE.");
		}
		StringWriter diagnostics = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
			List<String> options = List.of("-d", output.toString(), "-classpath", jarOf(jakarta.persistence.Entity.class),
					"-proc:none", "-nowarn", "-g:none");
			Boolean ok = compiler.getTask(diagnostics, fileManager, null, options, null,
					fileManager.getJavaFileObjectsFromPaths(files)).call();
			if (!Boolean.TRUE.equals(ok)) {
				throw new IllegalStateException("The generated entities did not compile:\n" + diagnostics);
			}
		}
	}

	private static String jarOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
