package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Downgrades the database ({@code db downgrade}): {@code mvn migrations:downgrade -Dmigrations.target=-1}; with
 * {@code -Dmigrations.sql=true} prints the SQL instead of running it.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DowngradeMojo extends AbstractRunMojo {

	/** The target: {@code -N}, {@code base}, a revision id or unique prefix, {@code <revision>-N}. */
	@Parameter(property = "migrations.target")
	String target;

	@Override
	List<String> commandArguments() throws MojoFailureException {
		if (this.target == null || this.target.isBlank()) {
			throw new MojoFailureException("`db downgrade` needs a target: -Dmigrations.target=-1 (or base, or a revision id)");
		}
		return targetArguments(this.target);
	}

	@Override
	String command() {
		return "downgrade";
	}

}
