package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.lint.Token.Kind;

/**
 * Reads PostgreSQL text into tokens, with PostgreSQL's lexical rules: {@code '...'} strings with
 * {@code ''}, {@code E'...'} with backslash escapes, {@code "identifiers"}, {@code $tag$} bodies,
 * {@code $1} parameters, {@code --} and nesting block comments. It reads statements the
 * {@link dev.migrations.sql.SqlSplitter} has already split, so it never fails: text left unclosed
 * becomes one token running to the end.
 */
final class SqlLexer {

	private final String text;

	private final int length;

	private final List<Token> tokens = new ArrayList<>();

	private final List<Token> comments = new ArrayList<>();

	private int pos;

	private int line;

	private SqlLexer(String text, int firstLine) {
		this.text = text;
		this.length = text.length();
		this.line = firstLine;
	}

	/** The tokens of {@code text}, comments left out. */
	static List<Token> tokens(String text) {
		SqlLexer lexer = new SqlLexer(text, 1);
		lexer.run();
		return lexer.tokens;
	}

	/** The comments of {@code text}, whose first line is {@code firstLine}. */
	static List<Token> comments(String text, int firstLine) {
		SqlLexer lexer = new SqlLexer(text, firstLine);
		lexer.run();
		return lexer.comments;
	}

	private void run() {
		while (this.pos < this.length) {
			char c = this.text.charAt(this.pos);
			if (c == '\n' || c == '\r' || Character.isWhitespace(c) || c == '\uFEFF') {
				skipTo(this.pos + 1);
				continue;
			}
			int start = this.pos;
			int startLine = this.line;
			char next = charAt(this.pos + 1);
			if (c == '-' && next == '-') {
				int end = start;
				while (end < this.length && this.text.charAt(end) != '\n' && this.text.charAt(end) != '\r') {
					end++;
				}
				comment(start, end, startLine);
			}
			else if (c == '/' && next == '*') {
				comment(start, endOfBlockComment(start), startLine);
			}
			else if (c == '\'') {
				add(Kind.STRING, start, endOfQuoted(start, '\'', false), startLine);
			}
			else if (c == '"') {
				int end = endOfQuoted(start, '"', false);
				String inner = this.text.substring(start + 1, Math.max(start + 1, end - 1)).replace("\"\"", "\"");
				addWithValue(Kind.QUOTED, start, end, startLine, inner);
			}
			else if (c == '$') {
				readDollar(start, startLine);
			}
			else if (isDigit(c) || (c == '.' && isDigit(next))) {
				add(Kind.NUMBER, start, endOfNumber(start), startLine);
			}
			else if (isWordStart(c)) {
				readWord(start, startLine);
			}
			else if (c == ':' && next == ':') {
				add(Kind.SYMBOL, start, start + 2, startLine);
			}
			else if (isOperatorChar(c)) {
				add(Kind.SYMBOL, start, endOfOperator(start), startLine);
			}
			else {
				add(Kind.SYMBOL, start, start + 1, startLine);
			}
		}
	}

	private void readWord(int start, int startLine) {
		int end = start + 1;
		while (end < this.length && isWordPart(this.text.charAt(end))) {
			end++;
		}
		char after = charAt(end);
		String word = this.text.substring(start, end);
		if (after == '\'' && end - start == 1 && "eEbBxXnN".indexOf(word.charAt(0)) >= 0) {
			boolean escapes = word.charAt(0) == 'e' || word.charAt(0) == 'E';
			add(Kind.STRING, start, endOfQuoted(end, '\'', escapes), startLine);
			return;
		}
		if (end - start == 1 && (word.charAt(0) == 'u' || word.charAt(0) == 'U') && after == '&'
				&& (charAt(end + 1) == '\'' || charAt(end + 1) == '"')) {
			char quote = this.text.charAt(end + 1);
			int quotedEnd = endOfQuoted(end + 1, quote, false);
			if (quote == '\'') {
				add(Kind.STRING, start, quotedEnd, startLine);
			}
			else {
				addWithValue(Kind.QUOTED, start, quotedEnd, startLine,
						this.text.substring(end + 2, Math.max(end + 2, quotedEnd - 1)));
			}
			return;
		}
		addWithValue(Kind.WORD, start, end, startLine, word.toLowerCase(Locale.ROOT));
	}

	private void readDollar(int start, int startLine) {
		char next = charAt(start + 1);
		if (isDigit(next)) {
			int end = start + 1;
			while (end < this.length && isDigit(this.text.charAt(end))) {
				end++;
			}
			add(Kind.PARAMETER, start, end, startLine);
			return;
		}
		int tagEnd = -1;
		if (next == '$') {
			tagEnd = start + 2;
		}
		else if (next != Character.MAX_VALUE && isTagStart(next)) {
			int i = start + 2;
			while (i < this.length && (isTagStart(this.text.charAt(i)) || isDigit(this.text.charAt(i)))) {
				i++;
			}
			if (charAt(i) == '$') {
				tagEnd = i + 1;
			}
		}
		if (tagEnd < 0) {
			add(Kind.SYMBOL, start, start + 1, startLine);
			return;
		}
		String tag = this.text.substring(start, tagEnd);
		int close = this.text.indexOf(tag, tagEnd);
		add(Kind.DOLLAR, start, (close < 0) ? this.length : close + tag.length(), startLine);
	}

	private int endOfQuoted(int from, char quote, boolean backslashEscapes) {
		int i = from + 1;
		while (i < this.length) {
			char ch = this.text.charAt(i);
			if (backslashEscapes && ch == '\\') {
				i += 2;
			}
			else if (ch == quote) {
				if (charAt(i + 1) != quote) {
					return i + 1;
				}
				i += 2;
			}
			else {
				i++;
			}
		}
		return this.length;
	}

	private int endOfBlockComment(int from) {
		int depth = 1;
		int i = from + 2;
		while (i < this.length - 1) {
			char ch = this.text.charAt(i);
			char next = this.text.charAt(i + 1);
			if (ch == '*' && next == '/') {
				i += 2;
				if (--depth == 0) {
					return i;
				}
			}
			else if (ch == '/' && next == '*') {
				depth++;
				i += 2;
			}
			else {
				i++;
			}
		}
		return this.length;
	}

	private int endOfNumber(int from) {
		int i = from;
		while (i < this.length) {
			char ch = this.text.charAt(i);
			if (isDigit(ch) || ch == '.' || ch == '_') {
				i++;
			}
			else if ((ch == 'e' || ch == 'E') && (isDigit(charAt(i + 1))
					|| ((charAt(i + 1) == '+' || charAt(i + 1) == '-') && isDigit(charAt(i + 2))))) {
				i += 2;
			}
			else {
				break;
			}
		}
		return i;
	}

	// an operator never contains -- or /*, which start comments
	private int endOfOperator(int from) {
		int i = from + 1;
		while (i < this.length && isOperatorChar(this.text.charAt(i))) {
			char ch = this.text.charAt(i);
			char next = charAt(i + 1);
			if ((ch == '-' && next == '-') || (ch == '/' && next == '*')) {
				break;
			}
			i++;
		}
		return i;
	}

	private void comment(int start, int end, int startLine) {
		this.comments.add(new Token(Kind.COMMENT, this.text.substring(start, end), this.text.substring(start, end), start,
				end, startLine));
		skipTo(end);
	}

	private void add(Kind kind, int start, int end, int startLine) {
		String token = this.text.substring(start, end);
		addWithValue(kind, start, end, startLine, token);
	}

	private void addWithValue(Kind kind, int start, int end, int startLine, String value) {
		this.tokens.add(new Token(kind, this.text.substring(start, end), value, start, end, startLine));
		skipTo(end);
	}

	/** Moves to {@code to}, counting line breaks ({@code \n}, {@code \r\n} and a lone {@code \r} count once). */
	private void skipTo(int to) {
		for (int i = this.pos; i < to; i++) {
			char ch = this.text.charAt(i);
			if (ch == '\n' || (ch == '\r' && charAt(i + 1) != '\n')) {
				this.line++;
			}
		}
		this.pos = to;
	}

	private char charAt(int index) {
		return (index < this.length) ? this.text.charAt(index) : Character.MAX_VALUE;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isWordStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 0x7F && c != Character.MAX_VALUE);
	}

	private static boolean isWordPart(char c) {
		return isWordStart(c) || isDigit(c) || c == '$';
	}

	private static boolean isTagStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 0x7F && c != Character.MAX_VALUE);
	}

	private static boolean isOperatorChar(char c) {
		return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
	}

}
