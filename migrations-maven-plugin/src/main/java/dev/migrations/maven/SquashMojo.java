package dev.migrations.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one revision standing for the history up to a revision ({@code db squash}):
 * {@code mvn migrations:squash -Dmigrations.revision=5ee6 [-Dmigrations.message="squash 2026"]}.
 */
@Mojo(name = "squash", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class SquashMojo extends AbstractDbMojo {

	/** The last revision to replace: an id or unique prefix. */
	@Parameter(property = "migrations.revision")
	String revision;

	/** The squash's message; by default one naming the revision. */
	@Parameter(property = "migrations.message")
	String message;

	@Override
	List<String> commandArguments() throws MojoFailureException {
		if (this.revision == null || this.revision.isBlank()) {
			throw new MojoFailureException("`db squash` needs the last revision to replace: -Dmigrations.revision=5ee6"
					+ " (an id or unique prefix, as `mvn migrations:history` lists them)");
		}
		List<String> arguments = new ArrayList<>();
		arguments.add(this.revision.trim());
		if (this.message != null && !this.message.isBlank()) {
			arguments.add("-m");
			arguments.add(this.message);
		}
		return arguments;
	}

	@Override
	String command() {
		return "squash";
	}

}
