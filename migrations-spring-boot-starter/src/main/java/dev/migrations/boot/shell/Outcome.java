package dev.migrations.boot.shell;

/**
 * How a {@code db} command ended: its exit status (0 done, 1 {@code db check} found differences,
 * 2 failed) and, unless it is done, the message for standard error.
 *
 * @param code the exit status
 * @param message what went wrong or what was found, in one paragraph; empty when done
 */
record Outcome(int code, String message) {

	/** Done. */
	static final Outcome OK = new Outcome(0, "");

	/** Exit status of {@code db check} when the entities and the database differ. */
	static final int DIFFERENCES = 1;

	/** Exit status of a command that failed. */
	static final int FAILED = 2;

	Outcome {
		message = (message != null) ? message : "";
	}

	static Outcome failed(String message) {
		return new Outcome(FAILED, message);
	}

}
