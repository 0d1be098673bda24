package dev.migrations.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;

/** {@code db upgrade} and {@code db downgrade}: a target, run or printed as a script. */
abstract class AbstractRunMojo extends AbstractDbMojo {

	/** Prints the SQL script instead of running it (offline mode). */
	@Parameter(property = "migrations.sql", defaultValue = "false")
	boolean sql;

	/** The target, then {@code --sql} when the script is asked for. */
	List<String> targetArguments(String target) {
		List<String> arguments = new ArrayList<>();
		arguments.add(target);
		if (this.sql) {
			arguments.add("--sql");
		}
		return arguments;
	}

}
