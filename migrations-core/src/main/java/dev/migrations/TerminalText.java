package dev.migrations;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text for a terminal, from sources the operator does not control: a revision file's message and SQL, what the
 * version table recorded (a message, an error), a database's answer. A character a terminal acts on instead of
 * showing it is shown as its Java escape ({@code \u001b}), as JSON shows it: the control characters but line
 * feed and tab (ESC starts the sequences that recolour the screen, move the cursor or set the window's title; a
 * carriage return lets a line overwrite itself), DEL, the C1 controls (U+0080 to U+009F, CSI among them), and
 * the bidirectional embeddings, overrides and isolates (U+202E makes a line read backwards); the right-to-left
 * and left-to-right marks of Hebrew and Arabic text are text. A carriage return before a line
 * feed is a line end, kept as it is.
 */
public final class TerminalText {

	private TerminalText() {
	}

	/**
	 * The text with each character a terminal would act on escaped.
	 * @param text the text, or {@code null}
	 * @return the text as shown, {@code null} for {@code null}
	 */
	public static String escape(String text) {
		if (text == null) {
			return null;
		}
		int length = text.length();
		int first = 0;
		while (first < length && !needsEscape(text, first)) {
			first++;
		}
		if (first == length) {
			return text;
		}
		StringBuilder shown = new StringBuilder(length + 16).append(text, 0, first);
		for (int i = first; i < length; i++) {
			char c = text.charAt(i);
			if (needsEscape(text, i)) {
				appendEscaped(shown, c);
			}
			else {
				shown.append(c);
			}
		}
		return shown.toString();
	}

	/**
	 * The text as one line, for a log line or a header: as {@link #escape(String)}, with line feeds, carriage
	 * returns and tabs escaped too, so that the text cannot start a line of its own (a forged log line).
	 * @param text the text, or {@code null}
	 * @return the text as shown, {@code null} for {@code null}
	 */
	public static String escapeLine(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder shown = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = isControl(c) || c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085';
			if (control && shown == null) {
				shown = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (control) {
				appendEscaped(shown, c);
			}
			else if (shown != null) {
				shown.append(c);
			}
		}
		return (shown != null) ? shown.toString() : text;
	}

	/**
	 * A writer that writes through {@code out} with {@link #escape(String)}'s escapes, for a command's
	 * output read by a person.
	 * @param out where the text goes
	 * @return the writer
	 */
	public static Writer escaping(Writer out) {
		return new EscapingWriter(out);
	}

	/** Whether a character is one a terminal acts on. */
	static boolean isControl(char c) {
		// the embeddings, overrides and isolates; the marks (U+200E, U+200F, U+061C) reorder nothing around them
		// and are part of right-to-left text
		return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
				|| (c >= 0x2066 && c <= 0x2069);
	}

	private static boolean needsEscape(String text, int i) {
		char c = text.charAt(i);
		return isControl(c) && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
	}

	private static void appendEscaped(StringBuilder shown, char c) {
		shown.append(String.format("\\u%04x", (int) c));
	}

	private static final class EscapingWriter extends FilterWriter {

		// a carriage return is held until the next character tells whether it ends a line
		private boolean carriageReturn;

		EscapingWriter(Writer out) {
			super(out);
		}

		@Override
		public void write(int c) throws IOException {
			char ch = (char) c;
			if (this.carriageReturn) {
				this.carriageReturn = false;
				if (ch == '\n') {
					this.out.write("\r\n");
					return;
				}
				this.out.write("\\u000d");
			}
			if (ch == '\r') {
				this.carriageReturn = true;
			}
			else if (isControl(ch)) {
				StringBuilder escaped = new StringBuilder(6);
				appendEscaped(escaped, ch);
				this.out.write(escaped.toString());
			}
			else {
				this.out.write(c);
			}
		}

		@Override
		public void write(char[] buffer, int offset, int length) throws IOException {
			for (int i = offset; i < offset + length; i++) {
				write(buffer[i]);
			}
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			for (int i = offset; i < offset + length; i++) {
				write(text.charAt(i));
			}
		}

		@Override
		public void flush() throws IOException {
			if (this.carriageReturn) {
				this.carriageReturn = false;
				this.out.write("\\u000d");
			}
			super.flush();
		}

	}

}
