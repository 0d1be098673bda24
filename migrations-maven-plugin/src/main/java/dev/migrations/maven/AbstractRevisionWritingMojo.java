package dev.migrations.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that writes a revision and so needs its message ({@code -m}). */
abstract class AbstractRevisionWritingMojo extends AbstractDbMojo {

	/** What the revision does, e.g. {@code -Dmigrations.message="add phone to contact"}. */
	@Parameter(property = "migrations.message")
	String message;

	/** A message such as the command's revision would have, for the advice when none is given. */
	String exampleMessage() {
		return "add phone to contact";
	}

	/** {@code -m MESSAGE}, or a failure that says how to give it. */
	List<String> messageArguments() throws MojoFailureException {
		if (this.message == null || this.message.isBlank()) {
			throw new MojoFailureException("`db " + command() + "` needs a message: -Dmigrations.message=\"" + exampleMessage()
					+ "\"");
		}
		List<String> arguments = new ArrayList<>();
		arguments.add("-m");
		arguments.add(this.message);
		return arguments;
	}

}
