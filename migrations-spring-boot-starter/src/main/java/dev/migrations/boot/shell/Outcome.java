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

	/** The longest word a message echoes whole; a longer one is cut (a value pasted by mistake, a file's content). */
	static final int LONGEST_WORD = 200;

	/** What is kept of a word that is cut. */
	private static final int KEPT = 80;

	/** The longest run of words a message echoes whole (say, a message that was not quoted, read as arguments). */
	static final int LONGEST_TEXT = 20_000;

	private static final java.util.regex.Pattern LONG_WORD = java.util.regex.Pattern.compile("\\S{" + (LONGEST_WORD + 1) + ",}");

	Outcome {
		message = shortened((message != null) ? message : "");
	}

	/**
	 * A message with each word longer than {@value #LONGEST_WORD} characters cut to its start, an ellipsis and
	 * its length ({@code no revision 'aaaa...' (100000 characters)}), and the whole cut the same way beyond
	 * {@value #LONGEST_TEXT}: an echoed argument of 100 KB must not bury the message (nor fill a CI log). The
	 * ellipsis is three dots: a CI runner's POSIX locale prints a JVM's non-ASCII output as {@code ?}.
	 */
	static String shortened(String message) {
		if (message.length() <= LONGEST_WORD) {
			return message;
		}
		java.util.regex.Matcher matcher = LONG_WORD.matcher(message);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String word = matcher.group();
			matcher.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(cut(word)));
		}
		matcher.appendTail(result);
		return (result.length() > LONGEST_TEXT) ? result.substring(0, LONGEST_TEXT) + "... (" + result.length()
				+ " characters in all)" : result.toString();
	}

	// the quotes and punctuation around the value stay, and the length is the value's
	private static String cut(String word) {
		int start = 0;
		while (start < word.length() && "'\"`(".indexOf(word.charAt(start)) >= 0) {
			start++;
		}
		int end = word.length();
		while (end > start && "'\"`),;:.".indexOf(word.charAt(end - 1)) >= 0) {
			end--;
		}
		String value = word.substring(start, end);
		if (value.length() <= KEPT) {
			return word;
		}
		int kept = Character.isHighSurrogate(value.charAt(KEPT - 1)) ? KEPT - 1 : KEPT;
		int closing = end;
		while (closing < word.length() && "'\"`)".indexOf(word.charAt(closing)) >= 0) {
			closing++;
		}
		return word.substring(0, start) + value.substring(0, kept) + "..." + word.substring(end, closing) + " ("
				+ value.length() + " characters)" + word.substring(closing);
	}

	static Outcome failed(String message) {
		return new Outcome(FAILED, message);
	}

}
