package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes an empty revision into the module's sources ({@code db revision}):
 * {@code mvn migrations:revision -Dmigrations.message="backfill status"}.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RevisionMojo extends AbstractRevisionWritingMojo {

	/** The parent: a revision id or prefix to start a branch from, or {@code base}; by default the head. */
	@Parameter(property = "migrations.head")
	String head;

	/** Whether {@code head} may be a revision that is not a head, starting a branch from it ({@code --splice}). */
	@Parameter(property = "migrations.splice", defaultValue = "false")
	boolean splice;

	@Override
	List<String> commandArguments() throws MojoFailureException {
		List<String> arguments = messageArguments();
		addIfSet(arguments, "--head", this.head);
		if (this.splice) {
			arguments.add("--splice");
		}
		return arguments;
	}

	@Override
	String exampleMessage() {
		return "backfill status";
	}

	@Override
	String command() {
		return "revision";
	}

}
