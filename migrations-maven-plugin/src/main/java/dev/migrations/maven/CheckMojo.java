package dev.migrations.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the entities with the database ({@code db check}) and lists the differences. The build fails on
 * differences only with {@code -Dmigrations.failOnDrift=true} (a CI job); it always fails when the check
 * itself fails.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class CheckMojo extends AbstractDbMojo {

	/** The first words of what {@code db check} says on standard error when it found differences. */
	static final String DIFFERENCES = "the database differs from the entities";

	/** What {@code db check --tenant ...} says on standard error when tenants differ: "2 of 5 tenant(s) differ from the entities". */
	static final Pattern TENANTS_DIFFER = Pattern.compile("\\d+ of \\d+ tenant\\(s\\) differ from the entities\\b.*");

	/** Fails the build when the entities and the database differ. */
	@Parameter(property = "migrations.failOnDrift", defaultValue = "false")
	boolean failOnDrift;

	@Override
	String command() {
		return "check";
	}

	@Override
	List<String> commandArguments() {
		return new ArrayList<>();
	}

	@Override
	void handle(CommandProcess.Result result) throws MojoFailureException {
		// 1 is also what a JVM that could not start returns (an unknown main class or option, no memory): only a
		// check that said it found differences found them
		if (result.exitCode() != 1 || result.err().stream().noneMatch(CheckMojo::saysDifferencesWereFound)) {
			super.handle(result);
			return;
		}
		String message = MavenHints.translate("The entities and the database differ (listed above): generate a revision"
				+ " with `db migrate -m \"...\"`, or upgrade the database", hintOptions());
		if (this.failOnDrift) {
			throw new MojoFailureException(message);
		}
		getLog().warn(message + " (-Dmigrations.failOnDrift=true fails the build)");
	}

	static boolean saysDifferencesWereFound(String line) {
		return line.startsWith(DIFFERENCES) || TENANTS_DIFFER.matcher(line).matches();
	}

}
