package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Upgrades the database ({@code db upgrade}) to the head, or to {@code -Dmigrations.target=+1}; with
 * {@code -Dmigrations.sql=true} prints the SQL instead of running it.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class UpgradeMojo extends AbstractRunMojo {

	/** The target: {@code head}, {@code +N}, a revision id or unique prefix. */
	@Parameter(property = "migrations.target", defaultValue = "head")
	String target;

	@Override
	List<String> commandArguments() {
		return targetArguments(this.target);
	}

	@Override
	String command() {
		return "upgrade";
	}

}
