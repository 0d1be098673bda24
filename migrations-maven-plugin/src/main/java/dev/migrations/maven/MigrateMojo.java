package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Autogenerates a revision from the entities against the database ({@code db migrate}) and writes it into the module's
 * sources: {@code mvn migrations:migrate -Dmigrations.message="add phone to contact"}.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class MigrateMojo extends AbstractRevisionWritingMojo {

	/**
	 * Renames to write as renames, comma-separated {@code old_table=new_table}, {@code table.old=new} or
	 * {@code enum_type:OLD_LABEL=NEW_LABEL}.
	 */
	@Parameter(property = "migrations.renames")
	String renames;

	/** Never guess renames: a dropped and an added column of the same shape stay a drop and an add. */
	@Parameter(property = "migrations.noRenames", defaultValue = "false")
	boolean noRenames;

	/** Prints the revision(s) that would be written, and writes nothing ({@code --sql}). */
	@Parameter(property = "migrations.sql", defaultValue = "false")
	boolean sql;

	@Override
	List<String> commandArguments() throws MojoFailureException {
		List<String> arguments = messageArguments();
		if (this.sql) {
			arguments.add("--sql");
		}
		if (this.renames != null) {
			for (String rename : this.renames.split(",")) {
				addIfSet(arguments, "--rename", rename.trim());
			}
		}
		if (this.noRenames) {
			arguments.add("--no-renames");
		}
		return arguments;
	}

	@Override
	String command() {
		return "migrate";
	}

}
