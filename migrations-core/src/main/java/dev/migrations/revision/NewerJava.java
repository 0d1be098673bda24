package dev.migrations.revision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to say of a class compiled for a newer Java than the JVM loading it (an entity or a Java
 * revision built with a newer {@code --release}): both Javas, from the JVM's own error.
 */
public final class NewerJava {

	/** What the JVM says of such a class: "(class file version 69.0)". */
	private static final Pattern CLASS_FILE_VERSION = Pattern.compile("class file version (\\d+)");

	private NewerJava() {
	}

	/**
	 * "is compiled for Java 25 (class file version 69) and this JVM is Java 17 (&lt;java.home&gt;): run the
	 * application on Java 25 or newer", to follow the class's name and precede the caller's other way out.
	 */
	public static String describe(UnsupportedClassVersionError error) {
		Matcher version = CLASS_FILE_VERSION.matcher(String.valueOf(error.getMessage()));
		boolean known = version.find();
		String needed = known ? "Java " + (Integer.parseInt(version.group(1)) - 44) : "the Java it is compiled for";
		String compiledFor = known ? needed + " (class file version " + version.group(1) + ")" : "a newer Java";
		return "is compiled for " + compiledFor + " and this JVM is Java " + running() + " ("
				+ System.getProperty("java.home") + "): run the application on " + needed + " or newer";
	}

	/** The running JVM's Java version. */
	public static int running() {
		return Runtime.version().feature();
	}

}
