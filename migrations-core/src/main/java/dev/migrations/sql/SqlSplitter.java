package dev.migrations.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Splits the SQL of a revision into statements to be sent one by one through JDBC, exactly as
 * written: no bind-parameter parsing, so {@code :name}, {@code ?}, {@code ::jsonb} casts and JSON
 * such as {@code '{"key":true}'} reach the database untouched.
 *
 * <p>A statement ends at a delimiter ({@code ;} unless a MariaDB {@code DELIMITER} directive says
 * otherwise) that is outside every string, quoted identifier, dollar quote and comment. Its
 * {@linkplain SqlStatement#sql() text} runs from its first to its last token: comments before the
 * first token and between the last token and the delimiter are left out, comments in between are
 * kept. Its {@linkplain SqlStatement#line() line} is the 1-based line of that first token, counting
 * {@code \n}, {@code \r\n} and a lone {@code \r} as one line break each. Fragments holding only
 * comments or whitespace (including empty statements such as {@code ;;}) are dropped; a last
 * statement without a delimiter is kept.
 *
 * <p>The lexical rules follow the database:
 * <ul>
 * <li>{@link SqlSyntax#POSTGRESQL}: {@code '...'} strings with {@code ''} and a literal backslash
 * ({@code standard_conforming_strings} on, the default since PostgreSQL 9.1); {@code E'...'} strings
 * where a backslash escapes the next character; {@code U&'...'}, {@code B'...'}, {@code X'...'} as
 * strings; {@code "identifiers"} with {@code ""}; {@code $$...$$} and {@code $tag$...$tag$} dollar
 * quotes ({@code $1} is a parameter and {@code a$b} an identifier, neither starts a quote);
 * {@code --} line comments and nesting {@code /* ... *}{@code /} block comments. The body of a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END} stays one statement,
 * counting {@code CASE ... END} inside it. As in psql, a semicolon inside parentheses does not end a
 * statement ({@code CREATE RULE ... DO INSTEAD (INSERT ...; INSERT ...)}). A line starting with a backslash is a psql
 * meta-command, which JDBC cannot run, and is rejected; so is {@code COPY ... FROM STDIN}, at its
 * own line, whose rows follow it as data that is not SQL.</li>
 * <li>{@link SqlSyntax#MARIADB}: {@code '...'} and {@code "..."} strings with doubled quotes and
 * backslash escapes (the default {@code sql_mode}; where a session has {@code NO_BACKSLASH_ESCAPES}, a revision
 * with a backslash in a string is refused, see {@link #lineOfBackslashInString(String, SqlSyntax, int)});
 * {@code `identifiers`} with doubled backticks; {@code #} comments, {@code --} comments only when
 * followed by whitespace (so {@code 1--1} is arithmetic); non-nesting block comments, where
 * executable comments ({@code /*!...*}{@code /}, {@code /*M!...*}{@code /}) count as statement
 * text. A line {@code DELIMITER xx}, at the start of a statement, makes {@code xx} the delimiter
 * until the next such line and is not itself a statement. Stored programs with a
 * {@code BEGIN ... END} body ({@code CREATE PROCEDURE}, {@code FUNCTION}, {@code TRIGGER},
 * {@code EVENT}, {@code BEGIN NOT ATOMIC}) need such a directive: without one the first semicolon
 * of the body would end the statement, as in the {@code mysql} client, so the statement is rejected,
 * naming its line (its cut head would fail on the server after the statements before it ran).</li>
 * <li>{@link SqlSyntax#H2}: {@code '...'} strings with {@code ''}; {@code "identifiers"} with
 * {@code ""}; {@code $$...$$} bodies (no tags); {@code --} and {@code //} line comments; block
 * comments, which nest in H2 2.x as in PostgreSQL.</li>
 * </ul>
 *
 * <p>The script is read once, left to right, in time linear in its length.
 */
public final class SqlSplitter {

	private static final String DEFAULT_DELIMITER = ";";

	private static final String DELIMITER_DIRECTIVE = "DELIMITER";

	private static final Pattern FROM_STDIN = Pattern.compile("(?i)\\bfrom\\s+stdin\\b");

	private final String script;

	private final SqlSyntax syntax;

	private final int length;

	private final List<SqlStatement> statements = new ArrayList<>();

	// Set when only the lines starting outside every quote and comment are wanted: nothing is
	// reported, an unterminated construct simply holds the rest of the script.
	private final BitSet topLevelLines;

	private int pos;

	private int line = 1;

	private boolean atLineStart = true;

	private String delimiter = DEFAULT_DELIMITER;

	// The statement being read: where its first token starts and its last token ends.
	private int start = -1;

	private int startLine;

	private int end;

	// PostgreSQL BEGIN ATOMIC bodies: which routine header the statement opens with, and how deep
	// inside BEGIN ATOMIC / CASE ... END the scan is (only parenthesis depth 0 counts).
	private Header header = Header.START;

	private int parenDepth;

	private int parenLine;

	private boolean previousWordBegin;

	private int atomicDepth;

	// MariaDB stored programs: which one the statement creates, how many words a DEFINER's value has
	// taken, and how deep inside BEGIN / CASE ... END the scan is (only parenthesis depth 0 counts).
	private StoredProgram program = StoredProgram.START;

	private String programKind;

	private int definerWords = -1;

	private int blockDepth;

	// for lineOfBackslashInString only: whether to look for a string holding a backslash, and the
	// line of the first one, 0 while none was read
	private boolean findBackslashString;

	private int backslashStringLine;

	private SqlSplitter(String script, SqlSyntax syntax, int firstLine, BitSet topLevelLines) {
		this(script, 0, script.length(), syntax, firstLine, topLevelLines);
	}

	private SqlSplitter(String script, int from, int to, SqlSyntax syntax, int firstLine, BitSet topLevelLines) {
		this.script = script;
		this.syntax = syntax;
		this.pos = from;
		this.length = to;
		this.line = firstLine;
		this.topLevelLines = topLevelLines;
	}

	/**
	 * Splits a script into the statements to execute, in order.
	 * @param script the SQL text, for example the upgrade section of a revision file
	 * @param syntax the lexical rules of the target database
	 * @return the statements, without delimiters, each with the line it starts on; empty when the
	 * script holds only comments and whitespace
	 * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment is not
	 * closed, or the script contains a psql meta-command
	 */
	public static List<SqlStatement> split(String script, SqlSyntax syntax) {
		return split(script, syntax, 1);
	}

	/**
	 * Splits a script that starts at line {@code firstLine} of a file: statement lines and the lines
	 * in error messages are the file's own.
	 * @param script the SQL text, for example the upgrade section of a revision file
	 * @param syntax the lexical rules of the target database
	 * @param firstLine the line of the file the script's first line is
	 * @return the statements, each with the file line it starts on
	 * @throws SqlSyntaxException as {@link #split(String, SqlSyntax)}, with the file's line
	 */
	public static List<SqlStatement> split(String script, SqlSyntax syntax, int firstLine) {
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(syntax, "syntax");
		return new SqlSplitter(script, syntax, firstLine, null).run();
	}

	/**
	 * The line of the first ordinary {@code '...'} string of a PostgreSQL script that holds a backslash: read
	 * as {@link #split} reads it, a literal backslash, but a backslash escape where the session's
	 * {@code standard_conforming_strings} is off ({@code 'it\\'s'} is then one string, not a string and the
	 * start of another). {@code E'...'} strings, which read the same either way, are not counted.
	 * @param script the SQL text
	 * @param firstLine the line of the file the script's first line is
	 * @return the file's line of that string; 0 when no such string is read
	 * @throws SqlSyntaxException as {@link #split(String, SqlSyntax, int)}
	 */
	public static int lineOfBackslashInString(String script, int firstLine) {
		return lineOfBackslashInString(script, SqlSyntax.POSTGRESQL, firstLine);
	}

	/**
	 * The line of the first string of a script that holds a backslash, read as {@link #split} reads it: on
	 * PostgreSQL an ordinary {@code '...'} string (see {@link #lineOfBackslashInString(String, int)}); on MariaDB
	 * a {@code '...'} or {@code "..."} string, where a backslash escapes the next character, but is itself where
	 * the session's {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES}.
	 * @param script the SQL text
	 * @param syntax the lexical rules of the target database
	 * @param firstLine the line of the file the script's first line is
	 * @return the file's line of that string; 0 when no such string is read
	 * @throws SqlSyntaxException as {@link #split(String, SqlSyntax, int)}, when no such string was read before
	 */
	public static int lineOfBackslashInString(String script, SqlSyntax syntax, int firstLine) {
		Objects.requireNonNull(script, "script");
		SqlSplitter splitter = new SqlSplitter(script, syntax, firstLine, null);
		splitter.findBackslashString = true;
		try {
			splitter.run();
		}
		catch (SqlSyntaxException ex) {
			// read with escapes, a string such as 'C:\' goes on past its quote and may leave itself or a later one
			// open; on PostgreSQL 'it\'s' leaves the rest open after a string with a backslash. Any other mistake is
			// reported as it is
			if (splitter.backslashStringLine == 0) {
				throw ex;
			}
		}
		return splitter.backslashStringLine;
	}

	/**
	 * The lines of a script that start outside every string, quoted identifier, dollar quote and block
	 * comment, read with the same rules as {@link #split}: where a line such as {@code -- downgrade}
	 * is the line it looks like, and not text inside a literal or a comment. Nothing is reported: a
	 * construct that is never closed holds the rest of the script (splitting then reports it).
	 * @param script the SQL text
	 * @param syntax the lexical rules of the target database
	 * @return the 1-based numbers of those lines; line 1 always
	 */
	public static BitSet linesOutsideQuotes(String script, SqlSyntax syntax) {
		return linesOutsideQuotes(script, 0, script.length(), syntax);
	}

	/**
	 * As {@link #linesOutsideQuotes(String, SqlSyntax)} for the part {@code script[from, to)}, whose
	 * first line is line 1: a revision file's SQL is read where it is, without a copy.
	 * @param script the text holding the SQL
	 * @param from where the SQL starts
	 * @param to where it ends
	 * @param syntax the lexical rules of the target database
	 * @return the 1-based numbers (counted from {@code from}) of the lines starting outside quotes
	 */
	public static BitSet linesOutsideQuotes(String script, int from, int to, SqlSyntax syntax) {
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(syntax, "syntax");
		Objects.checkFromToIndex(from, to, script.length());
		BitSet lines = new BitSet();
		lines.set(1);
		try {
			new SqlSplitter(script, from, to, syntax, 1, lines).run();
		}
		catch (SqlSyntaxException ex) {
			// an unterminated construct: the lines after its start are inside it
		}
		return lines;
	}

	private List<SqlStatement> run() {
		while (this.pos < this.length) {
			char c = this.script.charAt(this.pos);
			if (c == '\n' || c == '\r') {
				int before = this.line;
				advanceTo(this.pos + 1);
				if (this.topLevelLines != null && this.line != before) {
					this.topLevelLines.set(this.line);
				}
				this.atLineStart = true;
				continue;
			}
			if (isBlank(c)) {
				this.pos++;
				continue;
			}
			boolean lineStart = this.atLineStart;
			this.atLineStart = false;
			if (lineStart && this.syntax == SqlSyntax.POSTGRESQL && c == '\\' && this.topLevelLines == null) {
				throw metaCommand();
			}
			if (lineStart && this.syntax == SqlSyntax.MARIADB && this.start < 0 && isDelimiterDirective()) {
				readDelimiterDirective();
				continue;
			}
			// PostgreSQL, as psql: a semicolon inside parentheses (a rule's actions) does not end the statement
			if (this.atomicDepth == 0 && (this.parenDepth == 0 || this.syntax != SqlSyntax.POSTGRESQL)
					&& this.script.startsWith(this.delimiter, this.pos)) {
				if (this.blockDepth > 0 && this.topLevelLines == null && DEFAULT_DELIMITER.equals(this.delimiter)) {
					throw storedProgramCut();
				}
				endStatement();
				this.pos += this.delimiter.length();
				continue;
			}
			if (!skipComment(c)) {
				readToken(c);
			}
		}
		if (this.parenDepth > 0 && this.syntax == SqlSyntax.POSTGRESQL && this.topLevelLines == null) {
			// its semicolons did not end statements: the rest of the script would run as one statement
			throw new SqlSyntaxException("Unclosed parenthesis starting at line " + this.parenLine
					+ ": add the closing ) (the statements after it would otherwise be read as part of its statement)",
					this.parenLine);
		}
		endStatement();
		return List.copyOf(this.statements);
	}

	/** Skips the comment starting at {@code pos}, if one does; a comment is not a token. */
	private boolean skipComment(char c) {
		int next = charAt(this.pos + 1);
		boolean lineComment = switch (this.syntax) {
			case POSTGRESQL -> c == '-' && next == '-';
			case MARIADB -> (c == '-' && next == '-' && (this.pos + 2 >= this.length || isSpace(this.script.charAt(this.pos + 2))))
					|| c == '#';
			case H2 -> (c == '-' && next == '-') || (c == '/' && next == '/');
		};
		if (lineComment) {
			this.pos = endOfLine(this.pos);
			return true;
		}
		if (c == '/' && next == '*') {
			boolean executable = this.syntax == SqlSyntax.MARIADB
					&& (charAt(this.pos + 2) == '!' || (charAt(this.pos + 2) == 'M' && charAt(this.pos + 3) == '!'));
			int commentEnd = endOfBlockComment(this.pos, this.syntax != SqlSyntax.MARIADB);
			if (commentEnd < 0) {
				throw unterminated("block comment", "*/" + (this.syntax == SqlSyntax.MARIADB ? ""
						: " (block comments nest, so each /* inside needs its own */ too)"));
			}
			if (executable) {
				// MariaDB runs the content of /*! ... */, so it is statement text, not a comment.
				token(commentEnd);
				otherToken();
			}
			else {
				advanceTo(commentEnd);
			}
			return true;
		}
		return false;
	}

	private void readToken(char c) {
		switch (c) {
			case '\'' -> {
				int end = endOfQuoted(this.pos, '\'', this.syntax == SqlSyntax.MARIADB);
				if (this.findBackslashString && this.backslashStringLine == 0 && hasBackslash(this.pos, end)) {
					this.backslashStringLine = this.line;
				}
				quoted(end, "string literal", this.syntax == SqlSyntax.MARIADB
						? "' (a quote inside a string is written '' or \\')" : "' (a quote inside a string is written '')");
			}
			case '"' -> {
				if (this.syntax == SqlSyntax.MARIADB) {
					int end = endOfQuoted(this.pos, '"', true);
					if (this.findBackslashString && this.backslashStringLine == 0 && hasBackslash(this.pos, end)) {
						this.backslashStringLine = this.line;
					}
					quoted(end, "string literal", "\" (a quote inside it is written \"\" or \\\")");
				}
				else {
					quoted(endOfQuoted(this.pos, '"', false), "quoted identifier",
							"\" (a quote inside an identifier is written \"\")");
				}
			}
			case '`' -> {
				if (this.syntax == SqlSyntax.MARIADB) {
					quoted(endOfQuoted(this.pos, '`', false), "quoted identifier",
							"` (a backtick inside an identifier is written ``)");
				}
				else {
					singleCharToken();
				}
			}
			case '$' -> readDollar();
			case '(' -> {
				if (this.parenDepth++ == 0) {
					this.parenLine = this.line;
				}
				singleCharToken();
			}
			case ')' -> {
				this.parenDepth = Math.max(0, this.parenDepth - 1);
				singleCharToken();
			}
			default -> {
				if (isWordStart(c)) {
					readWord(c);
				}
				else {
					singleCharToken();
				}
			}
		}
	}

	private void readWord(char c) {
		int wordStart = this.pos;
		boolean identifier = !isAsciiDigit(c);
		boolean customDelimiter = !DEFAULT_DELIMITER.equals(this.delimiter);
		int i = wordStart + 1;
		while (i < this.length) {
			char ch = this.script.charAt(i);
			if (!(isWordPart(ch) || (identifier && ch == '$'))
					|| (customDelimiter && this.script.startsWith(this.delimiter, i))) {
				break;
			}
			i++;
		}
		if (this.syntax == SqlSyntax.POSTGRESQL && i == wordStart + 1 && (c == 'E' || c == 'e') && charAt(i) == '\'') {
			quoted(endOfQuoted(i, '\'', true), "escape string",
					"' (a quote inside an E'' string is written '' or \\')");
			return;
		}
		token(i);
		word(wordStart, i);
	}

	private void readDollar() {
		int quoteStart = this.pos;
		int tagEnd = switch (this.syntax) {
			case POSTGRESQL -> endOfDollarTag(quoteStart);
			case H2 -> (charAt(quoteStart + 1) == '$') ? quoteStart + 2 : -1;
			case MARIADB -> -1;
		};
		if (tagEnd < 0) {
			singleCharToken();
			return;
		}
		String tag = this.script.substring(quoteStart, tagEnd);
		int close = this.script.indexOf(tag, tagEnd);
		if (close < 0 || close + tag.length() > this.length) {
			throw unterminated("dollar-quoted string " + tag, tag);
		}
		token(close + tag.length());
		otherToken();
	}

	/** The end of {@code $tag$} or {@code $$} at {@code from}, or -1 when the dollar starts no quote. */
	private int endOfDollarTag(int from) {
		int i = from + 1;
		if (charAt(i) == '$') {
			return i + 1;
		}
		if (i >= this.length || !isTagStart(this.script.charAt(i))) {
			return -1;
		}
		i++;
		while (i < this.length && isTagPart(this.script.charAt(i))) {
			i++;
		}
		return (charAt(i) == '$') ? i + 1 : -1;
	}

	private void quoted(int quotedEnd, String what, String closing) {
		if (quotedEnd < 0) {
			throw unterminated(what, closing);
		}
		token(quotedEnd);
		otherToken();
	}

	// in the quoted text from `from` to `to`, or (to < 0: never closed) to the end of the script
	private boolean hasBackslash(int from, int to) {
		for (int i = from; i < ((to < 0) ? this.length : to); i++) {
			if (this.script.charAt(i) == '\\') {
				return true;
			}
		}
		return false;
	}

	/**
	 * The index after the closing quote of the quoted text starting at {@code from}, or -1 when it
	 * is never closed. A doubled quote stands for itself; so does any character after a backslash
	 * when {@code backslashEscapes}.
	 */
	private int endOfQuoted(int from, char quote, boolean backslashEscapes) {
		int i = from + 1;
		while (i < this.length) {
			char ch = this.script.charAt(i);
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
		return -1;
	}

	private int endOfBlockComment(int from, boolean nesting) {
		int depth = 1;
		int i = from + 2;
		while (i < this.length - 1) {
			char ch = this.script.charAt(i);
			char next = this.script.charAt(i + 1);
			if (ch == '*' && next == '/') {
				i += 2;
				if (--depth == 0) {
					return i;
				}
			}
			else if (nesting && ch == '/' && next == '*') {
				depth++;
				i += 2;
			}
			else {
				i++;
			}
		}
		return -1;
	}

	private int endOfLine(int from) {
		int i = from;
		while (i < this.length && this.script.charAt(i) != '\n' && this.script.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

	private boolean isDelimiterDirective() {
		int after = this.pos + DELIMITER_DIRECTIVE.length();
		return this.script.regionMatches(true, this.pos, DELIMITER_DIRECTIVE, 0, DELIMITER_DIRECTIVE.length())
				&& (after >= this.length || isSpace(this.script.charAt(after)));
	}

	/** Reads {@code DELIMITER xx}: like the mysql client, the first word is the new delimiter, the rest of the line is ignored. */
	private void readDelimiterDirective() {
		int i = this.pos + DELIMITER_DIRECTIVE.length();
		while (i < this.length && isBlank(this.script.charAt(i))) {
			i++;
		}
		int valueStart = i;
		while (i < this.length && !isSpace(this.script.charAt(i))) {
			i++;
		}
		if (i == valueStart && this.topLevelLines == null) {
			throw new SqlSyntaxException("DELIMITER at line " + this.line
					+ " names no delimiter; write for example 'DELIMITER $$' before a stored program and 'DELIMITER ;' after it",
					this.line);
		}
		if (i > valueStart) {
			this.delimiter = this.script.substring(valueStart, i);
		}
		this.pos = endOfLine(i);
	}

	/** Records the token from {@code pos} to {@code tokenEnd} as part of the current statement. */
	private void token(int tokenEnd) {
		if (this.start < 0) {
			this.start = this.pos;
			this.startLine = this.line;
		}
		advanceTo(tokenEnd);
		this.end = tokenEnd;
	}

	private void singleCharToken() {
		token(this.pos + 1);
		otherToken();
	}

	/** A token that is not a word: it ends a routine header and separates BEGIN from ATOMIC. */
	private void otherToken() {
		this.previousWordBegin = false;
		if (this.header != Header.ROUTINE && this.header != Header.COPY) {
			this.header = Header.OTHER;
		}
	}

	/** Follows the words of a PostgreSQL statement to keep a BEGIN ATOMIC body in one statement. */
	private void word(int from, int to) {
		if (this.syntax == SqlSyntax.MARIADB) {
			storedProgramWord(from, to);
			return;
		}
		if (this.syntax != SqlSyntax.POSTGRESQL) {
			return;
		}
		switch (this.header) {
			case START -> this.header = isWord(from, to, "CREATE") ? Header.CREATE
					: isWord(from, to, "COPY") ? Header.COPY : Header.OTHER;
			case CREATE -> this.header = isWord(from, to, "OR") ? Header.CREATE_OR
					: isRoutineWord(from, to) ? Header.ROUTINE : Header.OTHER;
			case CREATE_OR -> this.header = isWord(from, to, "REPLACE") ? Header.CREATE_OR_REPLACE : Header.OTHER;
			case CREATE_OR_REPLACE -> this.header = isRoutineWord(from, to) ? Header.ROUTINE : Header.OTHER;
			case ROUTINE -> routineBodyWord(from, to);
			case COPY, OTHER -> {
			}
		}
	}

	/**
	 * Follows the words of a MariaDB statement to tell a stored program whose {@code BEGIN ... END}
	 * body the default delimiter cuts short: {@code CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE]
	 * PROCEDURE|FUNCTION|TRIGGER|EVENT ... BEGIN}, or {@code BEGIN NOT ATOMIC}.
	 */
	private void storedProgramWord(int from, int to) {
		switch (this.program) {
			case START -> {
				if (isWord(from, to, "CREATE")) {
					this.program = StoredProgram.CREATE;
				}
				else if (isWord(from, to, "BEGIN")) {
					this.program = StoredProgram.BEGIN;
				}
				else {
					this.program = StoredProgram.OTHER;
				}
			}
			case CREATE -> {
				String kind = this.script.substring(from, to).toUpperCase(Locale.ROOT);
				if (kind.equals("PROCEDURE") || kind.equals("FUNCTION") || kind.equals("TRIGGER") || kind.equals("EVENT")) {
					this.program = StoredProgram.PROGRAM;
					this.programKind = "CREATE " + kind;
				}
				else if (kind.equals("DEFINER")) {
					this.definerWords = 0;
				}
				else if (kind.equals("OR") || kind.equals("REPLACE") || kind.equals("AGGREGATE")
						|| kind.equals("CURRENT_USER")) {
					// still the header
				}
				else if (this.definerWords >= 0 && this.definerWords < 2) {
					this.definerWords++; // DEFINER = user@host written without quotes
				}
				else {
					this.program = StoredProgram.OTHER;
				}
			}
			case BEGIN -> this.program = isWord(from, to, "NOT") ? StoredProgram.BEGIN_NOT : StoredProgram.OTHER;
			case BEGIN_NOT -> {
				if (isWord(from, to, "ATOMIC")) {
					this.program = StoredProgram.PROGRAM;
					this.programKind = "BEGIN NOT ATOMIC";
					this.blockDepth = 1;
				}
				else {
					this.program = StoredProgram.OTHER;
				}
			}
			case PROGRAM -> {
				if (this.parenDepth > 0) {
					return;
				}
				if (isWord(from, to, "BEGIN") || (this.blockDepth > 0 && isWord(from, to, "CASE"))) {
					this.blockDepth++;
				}
				else if (this.blockDepth > 0 && isWord(from, to, "END")) {
					this.blockDepth--;
				}
			}
			case OTHER -> {
			}
		}
	}

	private void routineBodyWord(int from, int to) {
		if (this.parenDepth > 0) {
			this.previousWordBegin = false;
			return;
		}
		if (this.previousWordBegin && isWord(from, to, "ATOMIC")) {
			this.atomicDepth++;
		}
		else if (this.atomicDepth > 0 && isWord(from, to, "CASE")) {
			this.atomicDepth++;
		}
		else if (this.atomicDepth > 0 && isWord(from, to, "END")) {
			this.atomicDepth--;
		}
		this.previousWordBegin = isWord(from, to, "BEGIN");
	}

	private boolean isRoutineWord(int from, int to) {
		return isWord(from, to, "FUNCTION") || isWord(from, to, "PROCEDURE");
	}

	private boolean isWord(int from, int to, String keyword) {
		return to - from == keyword.length() && this.script.regionMatches(true, from, keyword, 0, keyword.length());
	}

	private void endStatement() {
		if (this.start >= 0 && this.topLevelLines == null) {
			if (this.header == Header.COPY && FROM_STDIN.matcher(this.script.substring(this.start, this.end)).find()) {
				throw copyFromStdin();
			}
			this.statements.add(new SqlStatement(this.script.substring(this.start, this.end), this.startLine));
		}
		this.start = -1;
		this.header = Header.START;
		this.parenDepth = 0;
		this.previousWordBegin = false;
		this.atomicDepth = 0;
		this.program = StoredProgram.START;
		this.programKind = null;
		this.definerWords = -1;
		this.blockDepth = 0;
	}

	/** Moves to {@code to}, counting the line breaks passed. */
	private void advanceTo(int to) {
		for (int i = this.pos; i < to; i++) {
			char ch = this.script.charAt(i);
			if (ch == '\n' || (ch == '\r' && charAt(i + 1) != '\n')) {
				this.line++;
			}
		}
		this.pos = to;
	}

	private int charAt(int index) {
		return (index < this.length) ? this.script.charAt(index) : -1;
	}

	private SqlSyntaxException unterminated(String what, String closing) {
		return new SqlSyntaxException("Unterminated " + what + " starting at line " + this.line
				+ ": add the closing " + closing, this.line);
	}

	/**
	 * psql reads the rows of {@code COPY ... FROM STDIN} from the lines after it, up to {@code \.}: those
	 * lines are data, not SQL, so they are not read on (a quote or a {@code \N} in them would be
	 * reported as SQL), and the statement itself is named.
	 */
	private SqlSyntaxException copyFromStdin() {
		return new SqlSyntaxException("Line " + this.startLine + " holds COPY ... FROM STDIN, whose rows psql reads from"
				+ " the lines after it: revision files are plain SQL sent through JDBC, which sends no rows; write the rows"
				+ " as INSERT statements, or COPY from a file the server can read", this.startLine);
	}

	/**
	 * A MariaDB stored program written without a {@code DELIMITER} directive: the first semicolon of
	 * its body ended it, and the server would get the head of it (after the statements before it ran).
	 */
	private SqlSyntaxException storedProgramCut() {
		String where = (this.line == this.startLine) ? "on that line" : "at line " + this.line;
		return new SqlSyntaxException("Line " + this.startLine + " starts a stored program (" + this.programKind
				+ ") whose BEGIN ... END body the ';' " + where + " cuts short: as for the mysql client, put a line"
				+ " `DELIMITER //` before it, end it with `END//`, and put a line `DELIMITER ;` after it", this.startLine);
	}

	private SqlSyntaxException metaCommand() {
		int commandEnd = this.pos + 1;
		while (commandEnd < this.length && !isSpace(this.script.charAt(commandEnd))) {
			commandEnd++;
		}
		String command = this.script.substring(this.pos, commandEnd);
		return new SqlSyntaxException("Line " + this.line + " starts with the psql meta-command '" + command
				+ "': revision files are plain SQL sent through JDBC, not psql scripts; replace it with SQL"
				+ " (COPY ... FROM STDIN data with INSERT statements, \\set variables with literal values,"
				+ " \\i with the included statements) or remove it", this.line);
	}

	/** Whitespace other than line breaks, which are counted separately. */
	private static boolean isBlank(char c) {
		return (c <= ' ' && c != '\n' && c != '\r') || c == '\uFEFF' || (c > 0x7F && Character.isWhitespace(c));
	}

	private static boolean isSpace(char c) {
		return isBlank(c) || c == '\n' || c == '\r';
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isWordStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isAsciiDigit(c)
				|| (c > 0x7F && !Character.isWhitespace(c) && c != '\uFEFF');
	}

	private static boolean isWordPart(char c) {
		return isWordStart(c);
	}

	private static boolean isTagStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7F;
	}

	private static boolean isTagPart(char c) {
		return isTagStart(c) || isAsciiDigit(c);
	}

	private enum StoredProgram {

		START, CREATE, BEGIN, BEGIN_NOT, PROGRAM, OTHER

	}

	private enum Header {

		START, CREATE, CREATE_OR, CREATE_OR_REPLACE, ROUTINE, COPY, OTHER

	}

}
