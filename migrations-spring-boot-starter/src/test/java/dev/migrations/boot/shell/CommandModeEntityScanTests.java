package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.boot.shell.entitiesapart.EntitiesApartApplication;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose entities sit in another module, in a package its {@code @SpringBootApplication}
 * class does not cover, and no {@code @EntityScan} naming it: the commands that read the entities say
 * which packages were scanned and that {@code @EntityScan} names the others.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class CommandModeEntityScanTests {

	@TempDir
	Path revisions;

	@Test
	void checkWithNoEntityInTheScannedPackagesNamesThemAndEntityScan(TestDatabase database, CapturedOutput output) {
		ShellTestRevisions.writeBulletin(this.revisions);
		List<String> args = new ArrayList<>(Arrays.asList("db", "check"));
		args.addAll(ShellSession.connectionArguments(database, this.revisions));
		args.add("--migrations.shell.command-mode.exit=false");
		ConfigurableApplicationContext context = SpringApplication.run(EntitiesApartApplication.class,
				args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);

		assertThat(exitCode).isEqualTo(2);
		assertThat(output.getErr().lines().findFirst().orElse(""))
			.startsWith("No entity classes to read: no @Entity class in the packages scanned for entities,"
					+ " dev.migrations.boot.shell.entitiesapart (the application's package; no @EntityScan names others).")
			.contains("If the entities are in another package or module, name it with"
					+ " @EntityScan(\"...\") on the application class");
	}

}
