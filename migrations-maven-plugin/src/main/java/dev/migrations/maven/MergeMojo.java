package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a merge revision joining heads ({@code db merge}):
 * {@code mvn migrations:merge -Dmigrations.message="merge heads"}.
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class MergeMojo extends AbstractRevisionWritingMojo {

	/** The revisions to merge, comma-separated; by default all heads. */
	@Parameter(property = "migrations.revisions")
	String revisions;

	@Override
	List<String> commandArguments() throws MojoFailureException {
		List<String> arguments = messageArguments();
		if (this.revisions != null) {
			for (String revision : this.revisions.split(",")) {
				if (!revision.isBlank()) {
					arguments.add(revision.trim());
				}
			}
		}
		return arguments;
	}

	@Override
	String exampleMessage() {
		return "merge heads";
	}

	@Override
	String command() {
		return "merge";
	}

}
