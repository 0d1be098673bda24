package dev.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the goals with Maven, as a user would, on a small Boot app ({@code src/test/projects/app}) copied into
 * {@code target/it}, against a fresh PostgreSQL database given as {@code SPRING_DATASOURCE_URL}. The plugin
 * and the project's modules it needs are copied into a local repository of the test's own
 * ({@code target/it-repository}); everything else is read from the build's local repository (Maven's
 * {@code maven.repo.local.tail}, so Maven 3.9 or newer), offline. Run by failsafe in {@code verify}, after
 * {@code package} built the plugin.
 */
@ExtendWith(TestDatabaseExtension.class)
class MavenPluginIT {

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static final String VERSION = System.getProperty("migrations.it.version");

	private static final Path REPOSITORY = MODULE.resolve("target/it-repository");

	@BeforeAll
	static void installTheProjectsArtifacts() throws Exception {
		Path plugin = MODULE.resolve("target/migrations-maven-plugin-" + VERSION + ".jar");
		assertThat(plugin).as("the packaged plugin: run `./mvnw verify`").isRegularFile();
		install("migrations-parent", MODULE.resolve("../pom.xml"), null);
		install("migrations-maven-plugin", MODULE.resolve("pom.xml"), plugin);
		install("migrations-core", Migrations.class);
		install("migrations-spring-boot-starter", MigrationsAutoConfiguration.class);
	}

	@Test
	void goalsGenerateARevisionIntoTheSourcesApplyItCheckAndReport(TestDatabase database) throws Exception {
		Path project = copyProject();
		Path revisions = project.resolve("src/main/resources/db/revisions");

		Run first = maven(project, database, "migrations:init", "migrations:check");
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(revisions).isDirectory();
		assertThat(first.output()).contains("TABLE_MISSING").contains("The entities and the database differ");
		// the commands suggested are the goals that run them
		assertThat(first.output()).contains("`mvn migrations:migrate -Dmigrations.message=...`")
			.contains("`mvn migrations:upgrade`")
			.doesNotContain("`db migrate");

		Run failOnDrift = maven(project, database, "migrations:check", "-Dmigrations.failOnDrift=true");
		assertThat(failOnDrift.exitCode()).as(failOnDrift.output()).isNotZero();
		assertThat(failOnDrift.output()).contains("BUILD FAILURE").contains("The entities and the database differ");

		// a check that could not run is no difference found: the build fails, whatever failOnDrift says
		Run broken = maven(project, database, "migrations:check", "-Dmigrations.jvmArguments=-Xnosuchoption");
		assertThat(broken.exitCode()).as(broken.output()).isNotZero();
		assertThat(broken.output()).contains("BUILD FAILURE").contains("`db check` failed (exit status 1)")
			.doesNotContain("The entities and the database differ");

		// -Dmigrations.sql=true prints the revision and writes nothing, as `db migrate --sql` does
		Run preview = maven(project, database, "migrations:migrate", "-Dmigrations.message=create customer",
				"-Dmigrations.sql=true");
		assertThat(preview.exitCode()).as(preview.output()).isZero();
		assertThat(preview.output()).contains("CREATE TABLE").contains("(not written)");
		assertThat(list(revisions)).isEmpty();

		Run migrate = maven(project, database, "migrations:migrate", "-Dmigrations.message=create customer");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		List<Path> files = list(revisions);
		assertThat(files).singleElement().satisfies((file) -> assertThat(file.getFileName().toString()).endsWith("_create_customer.sql"));
		String revisionFile = Files.readString(files.get(0));
		assertThat(revisionFile).contains("-- message: create customer").contains("CREATE TABLE").contains("full_name");
		String revision = files.get(0).getFileName().toString().substring(0, files.get(0).getFileName().toString().indexOf('_'));
		assertThat(tables(database)).doesNotContain("customer");

		Run upgrade = maven(project, database, "migrations:upgrade", "migrations:check", "migrations:current",
				"migrations:show", "-Dmigrations.failOnDrift=true", "-Dmigrations.revision=nosuchrevision");
		assertThat(tables(database)).contains("customer");
		assertThat(upgrade.output()).contains("No differences").doesNotContain("The entities and the database differ")
			.contains(revision + " (head) create customer");
		// a failing command fails the build with its message
		assertThat(upgrade.exitCode()).as(upgrade.output()).isNotZero();
		assertThat(upgrade.output()).contains("BUILD FAILURE").contains("`db show` failed (exit status")
			.contains("nosuchrevision");
		assertThat(tables(database)).contains("customer");

		// -Dspring.datasource.url on Maven's command line is the database the command uses, not the environment's
		Run elsewhere = maven(project, database, "migrations:current", "-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
		assertThat(elsewhere.exitCode()).as(elsewhere.output()).isNotZero();
		assertThat(elsewhere.output()).contains("BUILD FAILURE").contains("127.0.0.1:1/none")
			.doesNotContain(revision + " (head) create customer");
	}

	@Test
	void theCommandRunsOnTheJdkOfTheCompilersToolchainNotOnMavensOwn(TestDatabase database) throws Exception {
		Assumptions.assumeFalse(File.separatorChar == '\\', "the toolchain's JDK is made of shell scripts");
		Path project = copyProject();
		// the JDK running this test, as a JDK of toolchains.xml whose java says when it runs: a build on Maven's
		// JDK compiling for a newer Java with that toolchain
		Path jdk = project.resolveSibling(project.getFileName() + "-jdk");
		Path real = Path.of(System.getProperty("java.home"), "bin");
		Files.createDirectories(jdk.resolve("bin"));
		Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho 'java of the toolchain' >&2\nexec '" + real.resolve("java")
				+ "' \"$@\"\n");
		Files.createSymbolicLink(jdk.resolve("bin/javac"), real.resolve("javac"));
		assertThat(jdk.resolve("bin/java").toFile().setExecutable(true)).isTrue();
		String version = String.valueOf(Runtime.version().feature());
		Files.writeString(project.resolve("toolchains.xml"), "<toolchains><toolchain><type>jdk</type><provides><version>"
				+ version + "</version></provides><configuration><jdkHome>" + jdk + "</jdkHome></configuration></toolchain></toolchains>");
		Path pom = project.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("<artifactId>maven-compiler-plugin</artifactId>",
				"<artifactId>maven-compiler-plugin</artifactId><configuration><jdkToolchain><version>" + version
						+ "</version></jdkToolchain></configuration>"));

		Run run = maven(project, database, "-t", "toolchains.xml", "migrations:init", "migrations:current");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Toolchain in migrations-maven-plugin: JDK[" + jdk + "]")
			.contains("java of the toolchain");
	}

	@Test
	void checkOfTenantsThatDifferPassesWithAWarningUnlessFailOnDrift(TestDatabase database) throws Exception {
		Path project = copyProject();
		try (Connection connection = database.connection()) {
			connection.createStatement().execute("CREATE SCHEMA acme; CREATE SCHEMA globex");
		}
		String[] tenants = { "-Dmigrations.tenants.schemas=acme,globex", "-Dmigrations.arguments=--tenant all" };

		assertThat(maven(project, database, "migrations:init").exitCode()).isZero();
		Run differ = maven(project, database, concat(new String[] { "migrations:check" }, tenants));
		assertThat(differ.exitCode()).as(differ.output()).isZero();
		assertThat(differ.output()).contains("2 of 2 tenant(s) differ from the entities")
			.contains("The entities and the database differ").doesNotContain("`db check` failed")
			// the goal it suggests runs on the same tenants
			.contains("`mvn migrations:migrate -Dmigrations.message=... -Dmigrations.tenants.schemas=acme,globex`");

		Run failOnDrift = maven(project, database, concat(new String[] { "migrations:check", "-Dmigrations.failOnDrift=true" }, tenants));
		assertThat(failOnDrift.exitCode()).as(failOnDrift.output()).isNotZero();
		assertThat(failOnDrift.output()).contains("BUILD FAILURE").contains("The entities and the database differ")
			.doesNotContain("`db check` failed");
	}

	@Test
	void goalsRunInTheApplicationsModuleOfABuildOfSeveralModulesWithTheEntitiesOfAnother(TestDatabase database)
			throws Exception {
		Path project = copyProject("multi");
		Path revisions = project.resolve("app/src/main/resources/db/revisions");

		// from the root: the entities' module is compiled first, the parent and the entities' module are skipped
		Run migrate = maven(project, database, "migrations:init", "migrations:migrate", "-Dmigrations.message=create invoice");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output()).contains("Skipping db migrate in multi: a pom module")
			.contains("Skipping db migrate in entities: no @SpringBootApplication class");
		List<Path> files = list(revisions);
		assertThat(files).singleElement().satisfies((file) -> assertThat(file.getFileName().toString()).endsWith("_create_invoice.sql"));
		assertThat(Files.readString(files.get(0))).contains("CREATE TABLE").contains("invoice").contains("customer_name");

		// a build in which no module is an application ran no command: it fails
		Run nowhere = maven(project, database, "-pl", "entities", "migrations:current");
		assertThat(nowhere.exitCode()).as(nowhere.output()).isNotZero();
		assertThat(nowhere.output()).contains("BUILD FAILURE").contains("No @SpringBootApplication class with a main method");
		Run parentOnly = maven(project, database, "-N", "migrations:current");
		assertThat(parentOnly.exitCode()).as(parentOnly.output()).isNotZero();
		assertThat(parentOnly.output()).contains("No module of this build is a Spring Boot application, so `db current` ran"
				+ " nowhere");
	}

	/**
	 * A start-class the parent pom gives every module, naming a class no module compiles (misspelt): the modules are
	 * skipped as not compiling it, and the build fails naming it, not as if no main class were named.
	 */
	@Test
	void aStartClassNoModuleCompilesIsNamedWhenTheGoalRanNowhere(TestDatabase database) throws Exception {
		Path project = copyProject("multi");
		Path pom = project.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("<properties>",
				"<properties>\n    <start-class>com.example.app.Ap</start-class>"));

		Run current = maven(project, database, "migrations:current");
		assertThat(current.exitCode()).as(current.output()).isNotZero();
		assertThat(current.output()).contains("Skipping db current in app: it does not compile com.example.app.Ap")
			.contains("No module of this build compiles the main class com.example.app.Ap (the start-class property")
			.doesNotContain("No module of this build is a Spring Boot application");
	}

	private static String[] concat(String[] first, String[] second) {
		return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
	}

	private record Run(int exitCode, String output) {
	}

	private static Run maven(Path project, TestDatabase database, String... arguments) throws Exception {
		String home = System.getProperty("maven.home");
		assertThat(home).as("maven.home: run with Maven 3.9+ (./mvnw)").isNotBlank();
		List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B", "-o",
				"-Dmaven.repo.local=" + REPOSITORY, "-Dmaven.repo.local.tail=" + System.getProperty("migrations.it.repository")));
		command.addAll(List.of(arguments));
		Path log = project.resolveSibling(project.getFileName() + "-" + System.nanoTime() + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		builder.environment().put("SPRING_DATASOURCE_USERNAME", database.username());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", (database.password() != null) ? database.password() : "");
		// none of the machine's options; Maven's JVM starts as a short-lived one best does (its goals fork their own)
		builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("Maven did not finish within 10 minutes: " + Files.readString(log));
		}
		return new Run(process.exitValue(), Files.readString(log));
	}

	private static List<String> tables(TestDatabase database) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = database.connection();
				ResultSet rs = connection.createStatement()
					.executeQuery("select table_name from information_schema.tables where table_schema = current_schema()")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private static Path copyProject() throws IOException {
		return copyProject("app");
	}

	private static Path copyProject(String name) throws IOException {
		Path source = MODULE.resolve("src/test/projects/" + name);
		Path target = MODULE.resolve("target/it/" + name + "-" + System.nanoTime());
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else if (file.getFileName().toString().equals("pom.xml")) {
					Files.writeString(copy, Files.readString(file)
						.replace("@migrations.version@", VERSION)
						.replace("@spring-boot.version@", System.getProperty("migrations.it.spring-boot.version"))
						.replace("@spring-shell.version@", System.getProperty("migrations.it.spring-shell.version")));
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		return target;
	}

	private static List<Path> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
	}

	/** Installs the module a class comes from: its jar (made from its classes when not packaged) and pom. */
	private static void install(String artifactId, Class<?> type) throws IOException, URISyntaxException {
		Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path jar = location;
		Path pom;
		if (Files.isDirectory(location)) {
			// target/classes of a module the reactor compiled but did not package
			jar = MODULE.resolve("target/it-jars/" + artifactId + ".jar");
			jarDirectory(location, jar);
			pom = location.getParent().getParent().resolve("pom.xml");
		}
		else {
			Path installed = location.resolveSibling(artifactId + "-" + VERSION + ".pom");
			pom = Files.isRegularFile(installed) ? installed : location.getParent().getParent().resolve("pom.xml");
		}
		install(artifactId, pom, jar);
	}

	private static void install(String artifactId, Path pom, Path jar) throws IOException {
		Path directory = REPOSITORY.resolve("dev/migrations/" + artifactId + "/" + VERSION);
		Files.createDirectories(directory);
		Files.copy(pom, directory.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
		if (jar != null) {
			Files.copy(jar, directory.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void jarDirectory(Path classes, Path jar) throws IOException {
		Files.createDirectories(jar.getParent());
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
				Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
				Files.copy(file, zip);
				zip.closeEntry();
			}
		}
	}

}
