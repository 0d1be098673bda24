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
 * Records a revision as applied without running it ({@code db stamp}):
 * {@code mvn migrations:stamp -Dmigrations.target=head}.
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class StampMojo extends AbstractDbMojo {

	/** The revision to record: {@code head}, a revision id or prefix, several separated by commas. */
	@Parameter(property = "migrations.target")
	String target;

	@Override
	List<String> commandArguments() throws MojoFailureException {
		if (this.target == null || this.target.isBlank()) {
			throw new MojoFailureException("`db stamp` needs a target: -Dmigrations.target=head (or a revision id)");
		}
		List<String> arguments = new ArrayList<>();
		arguments.add(this.target);
		return arguments;
	}

	@Override
	String command() {
		return "stamp";
	}

}
