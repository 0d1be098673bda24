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
 * Shows a revision ({@code db show}): {@code mvn migrations:show -Dmigrations.revision=5ee6}.
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class ShowMojo extends AbstractDbMojo {

	/** A revision id or unique prefix, or {@code head}. */
	@Parameter(property = "migrations.revision", defaultValue = "head")
	String revision;

	@Override
	List<String> commandArguments() {
		List<String> arguments = new ArrayList<>();
		arguments.add(this.revision);
		return arguments;
	}

	@Override
	String command() {
		return "show";
	}

}
