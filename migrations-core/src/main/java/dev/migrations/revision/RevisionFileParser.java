package dev.migrations.revision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.revision.Revision.JavaBody;
import dev.migrations.revision.Revision.SqlBody;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlSyntax;

/**
 * Reads revision files and Java revisions into {@link Revision}s.
 * <p>
 * A revision file is UTF-8 text named {@code <revision>_<slug>.sql}:
 *
 * <pre>
 * -- revision: 3f2a9c1b7d4e
 * -- down_revision: 1a2b3c4d5e6f
 * -- message: add status index to bulletin
 * -- created: 2026-11-21T22:39:00Z
 *
 * -- upgrade
 * CREATE INDEX IF NOT EXISTS ix_bulletin_status ON bulletin (status);
 *
 * -- downgrade
 * DROP INDEX IF EXISTS ix_bulletin_status;
 * </pre>
 *
 * <ul>
 * <li>Everything before the {@code -- upgrade} line is headers ({@code -- key: value}) and blank
 * lines. Known headers: {@code revision} and {@code down_revision} (both required),
 * {@code message}, {@code created} (an ISO-8601 instant), {@code transactional}
 * ({@code true}/{@code false}, default {@code true}), {@code depends_on} and
 * {@code branch_labels} (comma-separated lists), {@code replaces} (the revisions a squash stands for,
 * see {@link SquashedHistory}). Any other key is an error, so a typo such as
 * {@code down_revison} cannot silently turn a revision into a root.</li>
 * <li>{@code down_revision} is {@code none} for a root, one id, or a comma-separated list for a
 * merge. Ids are letters, digits and underscores; {@code head}, {@code heads}, {@code base} and
 * {@code none} are reserved for targets.</li>
 * <li>A line holding only {@code -- upgrade} or {@code -- downgrade} (any case, any surrounding
 * whitespace) starts a section; such text elsewhere in a line is SQL, and so is such a line inside
 * a string literal, a quoted identifier, a block comment or a dollar-quoted body, read with the
 * database's own rules (the {@link SqlSplitter}'s). Each marker may appear once, so a stray marker
 * line is reported instead of silently cutting a section in two. The downgrade section is optional;
 * without one (or with an empty one) the revision cannot be downgraded.</li>
 * <li>Line endings may be LF, CRLF or CR; a UTF-8 byte order mark is ignored.</li>
 * </ul>
 */
public final class RevisionFileParser {

	/** The header keys a revision file may use, in the order they are usually written. */
	public static final List<String> HEADERS = List.of("revision", "down_revision", "message", "created",
			"transactional", "depends_on", "branch_labels", "replaces");

	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "none");

	// positions in HEADERS
	static final int REVISION = 0;

	static final int DOWN_REVISION = 1;

	static final int MESSAGE = 2;

	static final int CREATED = 3;

	static final int TRANSACTIONAL = 4;

	static final int DEPENDS_ON = 5;

	static final int BRANCH_LABELS = 6;

	static final int REPLACES = 7;

	private static final int NONE = 0;

	private static final int UPGRADE = 1;

	private static final int DOWNGRADE = 2;

	private static final Pattern HEADER = Pattern.compile("\\s*--\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*:(.*)");

	// Flyway's versioned, undo and repeatable script names (default prefixes and separator)
	private static final Pattern FLYWAY_SCRIPT = Pattern.compile("(?:[VU]\\d+(?:[._]\\d+)*|R)__.*\\.sql");

	private static final Pattern REVISION_HEADER = Pattern.compile("(?im)^--\\s*revision\\s*:");

	static final byte[] TRANSACTIONAL_TRUE = "transactional=true\n".getBytes(StandardCharsets.UTF_8);

	static final byte[] TRANSACTIONAL_FALSE = "transactional=false\n".getBytes(StandardCharsets.UTF_8);

	private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

	private RevisionFileParser() {
	}

	/**
	 * Parses one revision file.
	 * @param content the file's text
	 * @param source where it came from, for messages and for the file-name check, e.g.
	 * {@code db/revisions/3f2a9c1b7d4e_add_index.sql}
	 * @return the revision, with an {@link SqlBody} and its {@linkplain #checksum checksum}
	 * @throws RevisionFileException naming the source and line of the first problem
	 */
	public static Revision parse(String content, String source) {
		return parse(content, source, SqlSyntax.POSTGRESQL);
	}

	/**
	 * Parses one revision file whose SQL is written for a database with the given syntax.
	 * @param content the file's text
	 * @param source where it came from, for messages and for the file-name check
	 * @param syntax the lexical rules of the database, by which a section line inside a string,
	 * quoted identifier, block comment or dollar quote is told from a real one
	 * @return the revision, with an {@link SqlBody} and its {@linkplain #checksum checksum}
	 * @throws RevisionFileException naming the source and line of the first problem
	 */
	public static Revision parse(String content, String source, SqlSyntax syntax) {
		try {
			return parseRevision(content, source, syntax);
		}
		catch (RevisionFileException ex) {
			throw asFlywayScript(ex, content, source);
		}
	}

	/**
	 * A file named as Flyway names its scripts ({@code V1__create_customer.sql}, {@code V1.1__...},
	 * {@code U1__...}, {@code R__...}) without a {@code -- revision:} header: Flyway's directory among the
	 * locations, as a team moving from Flyway may point them. The error says so, with the way on.
	 */
	private static RevisionFileException asFlywayScript(RevisionFileException ex, String content, String source) {
		String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
		if (!FLYWAY_SCRIPT.matcher(name).matches() || REVISION_HEADER.matcher(content).find()) {
			return ex;
		}
		String prefix = (ex.line() > 0) ? source + ":" + ex.line() + ": " : source + ": ";
		String detail = ex.getMessage().startsWith(prefix) ? ex.getMessage().substring(prefix.length()) : ex.getMessage();
		RevisionFileException named = new RevisionFileException(ex.source(), ex.line(), detail + ". " + name
				+ " is named as a Flyway migration, which is not a revision file: point migrations.locations at the"
				+ " revisions' own directory, and carry what Flyway's scripts created into a revision (`db migrate -m"
				+ " \"initial schema\"` against an empty database, or the scripts' SQL after a revision's `-- upgrade`"
				+ " line), as the README's Moving from Flyway or Liquibase says");
		named.setStackTrace(ex.getStackTrace());
		return named;
	}

	private static Revision parseRevision(String content, String source, SqlSyntax syntax) {
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		// Every startup parses every file: lines are offsets into the content, a line's text is only
		// taken above the upgrade marker, and the SQL lines are only looked at for a section marker.
		int[] lines = lineBounds(content);
		int lineCount = lines.length / 2;
		Header[] headers = new Header[HEADERS.size()];
		int upgradeMarker = -1;
		for (int i = 0; i < lineCount && upgradeMarker < 0; i++) {
			int lineNumber = i + 1;
			int marker = marker(content, lines[2 * i], lines[2 * i + 1]);
			if (marker == DOWNGRADE) {
				throw new RevisionFileException(source, lineNumber,
						"`-- downgrade` comes before `-- upgrade`; put the upgrade section first");
			}
			if (marker == UPGRADE) {
				upgradeMarker = i;
				continue;
			}
			String line = content.substring(lines[2 * i], lines[2 * i + 1]);
			if (!line.isBlank()) {
				Header header = header(line, lineNumber, source);
				add(headers, header, source);
			}
		}
		Headers values = Headers.of(headers, source);
		if (upgradeMarker < 0) {
			throw new RevisionFileException(source, Math.max(lineCount, 1),
					"no `-- upgrade` line; the SQL a revision runs goes after a line `-- upgrade`"
							+ " (and the SQL that undoes it after a line `-- downgrade`)");
		}
		int downgradeMarker = -1;
		int lastCandidate = -1;
		for (int i = upgradeMarker + 1; i < lineCount; i++) {
			if (marker(content, lines[2 * i], lines[2 * i + 1]) != NONE) {
				lastCandidate = i;
			}
		}
		// Which lines of the SQL (line 1 is the line after `-- upgrade`) start outside every string,
		// quoted identifier, block comment and dollar quote: only there is a marker line a marker.
		// Read up to the last line that looks like a marker, and only when some text before it could
		// open such a construct.
		BitSet outsideQuotes = null;
		if (lastCandidate >= 0) {
			int sqlStart = lines[2 * (upgradeMarker + 1)];
			int sqlEnd = lines[2 * lastCandidate];
			if (mayOpenQuote(content, sqlStart, sqlEnd)) {
				outsideQuotes = SqlSplitter.linesOutsideQuotes(content, sqlStart, sqlEnd, syntax);
			}
		}
		for (int i = upgradeMarker + 1; i <= lastCandidate; i++) {
			int marker = marker(content, lines[2 * i], lines[2 * i + 1]);
			if (marker == NONE || (outsideQuotes != null && !outsideQuotes.get(i - upgradeMarker))) {
				continue;
			}
			boolean upgrade = marker == UPGRADE;
			int first = upgrade ? upgradeMarker : downgradeMarker;
			if (first >= 0) {
				String name = upgrade ? "upgrade" : "downgrade";
				throw new RevisionFileException(source, i + 1, "second `-- " + name + "` line (the first is line "
						+ (first + 1) + "); a line holding only `-- " + name + "`, outside strings and block comments,"
						+ " marks a section: add a word to a comment meant as SQL");
			}
			downgradeMarker = i;
		}
		int upgradeEnd = downgradeMarker < 0 ? lineCount : downgradeMarker;
		String upgrade = joinLines(content, lines, upgradeMarker + 1, upgradeEnd);
		String downgrade = downgradeMarker < 0 ? "" : joinLines(content, lines, downgradeMarker + 1, lineCount);
		SqlBody body = new SqlBody(upgrade, upgradeMarker + 2, downgrade, downgradeMarker < 0 ? 0 : downgradeMarker + 2);
		return values.revision(source, checksum(upgrade, values.transactional()), body);
	}

	/**
	 * Parses one revision file from its bytes, which must be UTF-8: most files are read straight from
	 * them ({@link RevisionFileBytes}), the others decoded and read as {@link #parse(String, String, SqlSyntax)}
	 * reads them, with the same result and the same errors.
	 * @param content the file's bytes
	 * @param source where it came from, for messages and for the file-name check
	 * @param syntax the lexical rules of the database
	 * @return the revision
	 * @throws RevisionFileException naming the source and line of the first problem, including bytes
	 * that are not UTF-8
	 */
	static Revision parse(byte[] content, String source, SqlSyntax syntax) {
		Revision revision = RevisionFileBytes.parse(content, source, syntax);
		if (revision != null) {
			return revision;
		}
		// the bytes' reader leaves any control character but a tab to the text's: only such files can hold a NUL
		rejectNul(content, source);
		return parse(RevisionSources.decode(content, source), source, syntax);
	}

	/**
	 * Fails on a NUL byte: no database takes one in SQL (PostgreSQL's protocol breaks on it with an error that
	 * looks like a lost connection), and a text editor does not show it.
	 */
	private static void rejectNul(byte[] content, String source) {
		for (int i = 0; i < content.length; i++) {
			if (content[i] == 0) {
				int line = 1;
				int lineStart = 0;
				for (int j = 0; j < i; j++) {
					if (content[j] == '\n') {
						line++;
						lineStart = j + 1;
					}
				}
				throw new RevisionFileException(source, line, "the file holds a NUL byte (0x00) at byte " + (i - lineStart + 1)
						+ " of line " + line + ", which no database takes in SQL; remove it (an editor may not show it:"
						+ " `grep -nP '\\x00' <file>` finds it)");
			}
		}
	}

	/** Adds a header read at its line, failing when the file has it already. */
	static void add(Header[] headers, Header header, String source) {
		int index = HEADERS.indexOf(header.key());
		Header previous = headers[index];
		if (previous != null) {
			throw new RevisionFileException(source, header.line(), "header `" + header.key()
					+ "` appears twice (first at line " + previous.line() + "); keep one of them");
		}
		headers[index] = header;
	}

	/**
	 * Turns a Java revision into a {@link Revision} with a {@link JavaBody}, checking its id and
	 * references like a file's. Its source is {@code class <fully qualified name>}; its checksum is
	 * {@link JavaRevision#checksum()}.
	 * @param revision the implementation
	 * @return the revision
	 * @throws RevisionFileException when the id, a reference or a label is invalid
	 */
	public static Revision fromJava(JavaRevision revision) {
		String source = "class " + revision.getClass().getName();
		String id = revision.revision();
		if (id == null) {
			throw new RevisionFileException(source, 0, "revision() returned null; return the revision id");
		}
		checkId(id, "revision", source, 0);
		List<String> downRevisions = javaList(revision.downRevisions(), "downRevisions", source);
		List<String> dependsOn = javaList(revision.dependsOn(), "dependsOn", source);
		List<String> branchLabels = javaList(revision.branchLabels(), "branchLabels", source);
		for (String down : downRevisions) {
			if (down == null || "none".equalsIgnoreCase(down)) {
				throw new RevisionFileException(source, 0,
						"downRevisions() contains " + down + "; return an empty list for a root revision");
			}
			checkId(down, "down revision", source, 0);
		}
		for (String dependency : dependsOn) {
			checkId(dependency, "depends_on revision", source, 0);
		}
		for (String label : branchLabels) {
			if (label == null || !isLabel(label)) {
				throw new RevisionFileException(source, 0, "branch label '" + label
						+ "' is invalid; use letters, digits, '_' and '-'");
			}
			if (isTargetKeyword(label)) {
				throw new RevisionFileException(source, 0, "branch label '" + label + "' is a target keyword (head, heads,"
						+ " base), which a target would not read as the label: choose another label");
			}
		}
		checkDistinct(downRevisions, "downRevisions()", source, 0);
		checkDistinct(dependsOn, "dependsOn()", source, 0);
		checkDistinct(branchLabels, "branchLabels()", source, 0);
		checkNotSelf(id, downRevisions, "down revision", source, 0);
		checkNotSelf(id, dependsOn, "depends_on", source, 0);
		return new Revision(id, downRevisions, dependsOn, branchLabels, revision.message(), null,
				revision.transactional(), source, revision.checksum(), new JavaBody(revision));
	}

	/**
	 * The checksum of what a revision's upgrade executes: the SHA-256 (lowercase hex) of the upgrade
	 * SQL, normalised, and of the {@code transactional} flag.
	 * <p>
	 * Only what changes the effect of applying the revision counts: editing the message, the
	 * created date or the downgrade of an applied revision must not make it "modified", while
	 * changing its upgrade SQL or whether it runs in a transaction must. Normalising (CRLF and CR
	 * become LF, trailing whitespace of each line and leading and trailing blank lines are dropped)
	 * keeps a checkout on another operating system, or an editor trimming whitespace, from looking
	 * like a change.
	 * @param upgradeSql the text of the upgrade section
	 * @param transactional the revision's {@code transactional} flag
	 * @return 64 lowercase hex digits
	 */
	public static String checksum(String upgradeSql, boolean transactional) {
		Sha256 digest = new Sha256();
		digest.update(transactional ? TRANSACTIONAL_TRUE : TRANSACTIONAL_FALSE);
		digest.update(normalise(upgradeSql).getBytes(StandardCharsets.UTF_8));
		return hex(digest.digest());
	}

	/**
	 * The text the checksum covers: lines (split on LF, CRLF and CR) without trailing whitespace,
	 * joined with LF, without leading and trailing empty lines. One pass, and no copy when the text
	 * is already in that form but for surrounding blank lines (as most upgrade sections are).
	 */
	static String normalise(String text) {
		int[] lines = lineBounds(text);
		int count = lines.length / 2;
		boolean copy = false;
		int first = -1;
		int last = -1;
		for (int i = 0; i < count; i++) {
			int start = lines[2 * i];
			int end = lines[2 * i + 1];
			int trimmed = trimmedEnd(text, start, end);
			if (trimmed > start) {
				if (first < 0) {
					first = i;
				}
				last = i;
			}
			if (trimmed != end) {
				copy = true;
			}
			// Only LF between lines lets the text be taken as it is.
			if (i + 1 < count && (end + 1 != lines[2 * i + 2] || text.charAt(end) != '\n')) {
				copy = true;
			}
		}
		if (first < 0) {
			return "";
		}
		if (!copy) {
			return text.substring(lines[2 * first], lines[2 * last + 1]);
		}
		StringBuilder normalised = new StringBuilder(text.length());
		for (int i = first; i <= last; i++) {
			if (i > first) {
				normalised.append('\n');
			}
			normalised.append(text, lines[2 * i], trimmedEnd(text, lines[2 * i], lines[2 * i + 1]));
		}
		return normalised.toString();
	}

	// where String.stripTrailing() would end the text[start, end)
	private static int trimmedEnd(String text, int start, int end) {
		int trimmed = end;
		while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
			trimmed--;
		}
		return trimmed;
	}

	static String hex(byte[] bytes) {
		char[] hex = new char[bytes.length * 2];
		for (int i = 0; i < bytes.length; i++) {
			hex[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
			hex[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
		}
		return new String(hex);
	}

	/**
	 * Where the lines of a text start and end: line {@code i} is {@code text[bounds[2i], bounds[2i + 1])}.
	 * LF, CRLF and CR end a line; a final line ending does not start another line.
	 */
	private static int[] lineBounds(String text) {
		int length = text.length();
		int[] bounds = new int[16];
		int count = 0;
		int start = 0;
		if (text.indexOf('\r') < 0) {
			for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
				bounds = add(bounds, count, start, end);
				count += 2;
				start = end + 1;
			}
		}
		else {
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				if (c == '\n' || c == '\r') {
					bounds = add(bounds, count, start, i);
					count += 2;
					if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
						i++;
					}
					start = i + 1;
				}
			}
		}
		if (start < length) {
			bounds = add(bounds, count, start, length);
			count += 2;
		}
		return (count == bounds.length) ? bounds : Arrays.copyOf(bounds, count);
	}

	private static int[] add(int[] bounds, int count, int start, int end) {
		int[] result = (count + 2 <= bounds.length) ? bounds : Arrays.copyOf(bounds, bounds.length * 2);
		result[count] = start;
		result[count + 1] = end;
		return result;
	}

	/** The lines {@code from} (included) to {@code to} (excluded) joined with LF. */
	private static String joinLines(String text, int[] lines, int from, int to) {
		if (from >= to) {
			return "";
		}
		int start = lines[2 * from];
		int end = lines[2 * to - 1];
		boolean lfOnly = true;
		for (int i = from; i + 1 < to && lfOnly; i++) {
			int lineEnd = lines[2 * i + 1];
			lfOnly = lineEnd + 1 == lines[2 * i + 2] && text.charAt(lineEnd) == '\n';
		}
		if (lfOnly) {
			return text.substring(start, end);
		}
		StringBuilder joined = new StringBuilder(end - start);
		for (int i = from; i < to; i++) {
			if (i > from) {
				joined.append('\n');
			}
			joined.append(text, lines[2 * i], lines[2 * i + 1]);
		}
		return joined.toString();
	}

	/**
	 * Which section marker {@code text[start, end)} is ({@link #UPGRADE}, {@link #DOWNGRADE} or
	 * {@link #NONE}): what the regex {@code \s*--\s*(upgrade|downgrade)\s*}, ASCII letters in any
	 * case, matches, without a regex for every line of every file.
	 */
	private static int marker(String text, int start, int end) {
		int i = skipSpace(text, start, end);
		if (end - i < 2 || text.charAt(i) != '-' || text.charAt(i + 1) != '-') {
			return NONE;
		}
		i = skipSpace(text, i + 2, end);
		int kind;
		if (wordAt(text, i, end, "upgrade")) {
			kind = UPGRADE;
			i += "upgrade".length();
		}
		else if (wordAt(text, i, end, "downgrade")) {
			kind = DOWNGRADE;
			i += "downgrade".length();
		}
		else {
			return NONE;
		}
		return (skipSpace(text, i, end) == end) ? kind : NONE;
	}

	/** Whether {@code text[start, end)} holds a character that can open a construct spanning lines. */
	private static boolean mayOpenQuote(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"' || c == '`' || c == '$' || c == '/') {
				return true;
			}
		}
		return false;
	}

	// the regex \s: [ \t\n\x0B\f\r]
	private static int skipSpace(String text, int start, int end) {
		int i = start;
		while (i < end) {
			char c = text.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
				break;
			}
			i++;
		}
		return i;
	}

	// whether text[at, end) starts with the lowercase word, ASCII letters in either case
	private static boolean wordAt(String text, int at, int end, String word) {
		if (end - at < word.length()) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			char c = text.charAt(at + k);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static Header header(String line, int lineNumber, String source) {
		Header header = simpleHeader(line, lineNumber);
		return (header != null) ? header : headerOrError(line, lineNumber, source);
	}

	/**
	 * A valid header with a known key, read without a regex (as {@link #HEADER} would read it), or
	 * {@code null} for anything else, which {@link #headerOrError} then reads or reports.
	 */
	private static Header simpleHeader(String line, int lineNumber) {
		int end = line.length();
		int i = skipSpace(line, 0, end);
		if (end - i < 2 || line.charAt(i) != '-' || line.charAt(i + 1) != '-') {
			return null;
		}
		i = skipSpace(line, i + 2, end);
		int keyStart = i;
		if (i >= end || !isKeyStart(line.charAt(i))) {
			return null;
		}
		i++;
		while (i < end && isKeyPart(line.charAt(i))) {
			i++;
		}
		int keyEnd = i;
		i = skipSpace(line, i, end);
		if (i >= end || line.charAt(i) != ':') {
			return null;
		}
		for (int k = i + 1; k < end; k++) {
			char c = line.charAt(k);
			// what the regex's `.` does not match (LF and CR cannot be inside a line)
			if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return null;
			}
		}
		String key = asciiLowerCase(line.substring(keyStart, keyEnd));
		if (!HEADERS.contains(key)) {
			return null;
		}
		return new Header(key, line.substring(i + 1).strip(), lineNumber);
	}

	// toLowerCase(Locale.ROOT) for ASCII text, without its locale checks
	private static String asciiLowerCase(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				return text.toLowerCase(Locale.ROOT);
			}
		}
		return text;
	}

	private static boolean isKeyStart(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
	}

	private static boolean isKeyPart(char c) {
		return isKeyStart(c) || (c >= '0' && c <= '9') || c == '-';
	}

	private static Header headerOrError(String line, int lineNumber, String source) {
		Matcher matcher = HEADER.matcher(line);
		if (!matcher.matches()) {
			String stripped = line.strip();
			if (stripped.startsWith("\uFEFF")) {
				// invisible where the message quotes the line: joining files saved with one leaves it mid-file
				throw new RevisionFileException(source, lineNumber, "an invisible byte order mark (U+FEFF) starts the line `"
						+ stripped.substring(1).strip() + "`: delete it (it is left where files saved with one were joined)");
			}
			throw new RevisionFileException(source, lineNumber, "expected a header `-- key: value` or the `-- upgrade`"
					+ " line, found `" + line.strip() + "`; SQL and comments go after `-- upgrade`");
		}
		String key = matcher.group(1).toLowerCase(Locale.ROOT);
		if (!HEADERS.contains(key)) {
			StringBuilder message = new StringBuilder("unknown header `").append(matcher.group(1)).append('`');
			if (key.equals("upgrade") || key.equals("downgrade")) {
				message.append("; the section line is `-- ").append(key).append("`, without a colon");
			}
			else if (key.equals("lint")) {
				throw new RevisionFileException(source, lineNumber, "a `-- lint:` comment goes in a section, not among"
						+ " the headers: move it after the `-- upgrade` line (or into the `-- downgrade` section of a"
						+ " revision already applied, which the checksum does not cover)");
			}
			else {
				String suggestion = closest(key);
				if (suggestion != null) {
					message.append("; did you mean `").append(suggestion).append("`?");
				}
			}
			message.append(message.charAt(message.length() - 1) == '?' ? " " : ". ").append("Known headers: ")
				.append(String.join(", ", HEADERS))
				.append("; a note of your own goes after the `-- upgrade` line, as an SQL comment");
			throw new RevisionFileException(source, lineNumber, message.toString());
		}
		return new Header(key, matcher.group(2).strip(), lineNumber);
	}

	private static String closest(String key) {
		String best = null;
		int bestDistance = 3;
		for (String known : HEADERS) {
			int distance = distance(key, known);
			if (distance < bestDistance) {
				best = known;
				bestDistance = distance;
			}
		}
		return best;
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String required(Header[] headers, int index, String source) {
		Header header = headers[index];
		String key = HEADERS.get(index);
		if (header == null) {
			String hint = key.equals("down_revision") ? " (`none` for the first revision)" : "";
			throw new RevisionFileException(source, 1,
					"missing header `-- " + key + ": ...`" + hint + "; it goes above the `-- upgrade` line");
		}
		if (header.value().isEmpty()) {
			String hint = key.equals("down_revision") ? "; write `none` for a root revision" : "";
			throw new RevisionFileException(source, header.line(), "header `" + key + "` is empty" + hint);
		}
		return header.value();
	}

	private static void checkId(String id, String what, String source, int line) {
		if (id == null || !isId(id)) {
			throw new RevisionFileException(source, line, what + " id '" + id
					+ "' is invalid; revision ids are letters, digits and underscores (e.g. 3f2a9c1b7d4e)"
					+ unseen(id, false));
		}
		// the reserved words are four or five letters long
		if (id.length() <= 5 && RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
			throw new RevisionFileException(source, line, what + " id '" + id
					+ "' is reserved (head, heads, base and none are targets); choose another id");
		}
	}

	/** The file name a revision's source ends with (a path or a URL), e.g. {@code 3f2a9c1b7d4e_add_email.sql}. */
	public static String fileName(String source) {
		return (source == null) ? "" : source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
	}

	private static void checkFileName(String id, String source, int line) {
		String name = fileName(source);
		if (!endsWithSql(name)) {
			return;
		}
		if (name.length() > id.length() && name.startsWith(id)
				&& (name.charAt(id.length()) == '_' || name.charAt(id.length()) == '.')) {
			return;
		}
		int end = 0;
		while (end < name.length() && name.charAt(end) != '_' && name.charAt(end) != '.') {
			end++;
		}
		throw new RevisionFileException(source, line, "the file name starts with '" + name.substring(0, end)
				+ "' but the header says revision " + id + "; files are named <revision>_<slug>.sql: if this file"
				+ " was copied, give it a new revision id, otherwise rename it to " + id + name.substring(end));
	}

	// name.toLowerCase(Locale.ROOT).endsWith(".sql"): only the ASCII letters have those lowercase letters
	private static boolean endsWithSql(String name) {
		int length = name.length();
		return length >= 4 && name.charAt(length - 4) == '.' && (name.charAt(length - 3) | 0x20) == 's'
				&& (name.charAt(length - 2) | 0x20) == 'q' && (name.charAt(length - 1) | 0x20) == 'l';
	}

	private static List<String> downRevisions(String value, String source, int line) {
		if (value.equalsIgnoreCase("none")) {
			return List.of();
		}
		List<String> ids = split(value, source, line);
		for (String id : ids) {
			if (id.equalsIgnoreCase("none")) {
				throw new RevisionFileException(source, line,
						"`none` cannot be combined with other revisions in down_revision; use either alone");
			}
			checkId(id, "down_revision", source, line);
		}
		checkDistinct(ids, "down_revision", source, line);
		return ids;
	}

	private static List<String> list(Header header, boolean labels, String what, String source) {
		if (header == null || header.value().isEmpty() || header.value().equalsIgnoreCase("none")) {
			return List.of();
		}
		List<String> values = split(header.value(), source, header.line());
		for (String value : values) {
			if (!(labels ? isLabel(value) : isId(value))) {
				throw new RevisionFileException(source, header.line(),
						"'" + value + "' in `" + header.key() + "` is not a valid " + what + unseen(value, labels));
			}
		}
		if (!labels) {
			for (String value : values) {
				checkId(value, header.key(), source, header.line());
			}
		}
		else {
			for (String value : values) {
				if (isTargetKeyword(value)) {
					throw new RevisionFileException(source, header.line(), "'" + value + "' in `" + header.key()
							+ "` is a target keyword (head, heads, base), which a target would not read as the label:"
							+ " choose another label");
				}
			}
		}
		checkDistinct(values, header.key(), source, header.line());
		return values;
	}

	/**
	 * Names the first character of a value that is neither allowed nor a printable ASCII character, such as a no-break
	 * space or a zero-width space pasted with an id: the message quotes the value, in which such a character cannot be
	 * seen. Empty when there is none.
	 */
	private static String unseen(String value, boolean hyphens) {
		if (value == null) {
			return "";
		}
		for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
			int c = value.codePointAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| (hyphens && c == '-');
			if (!allowed) {
				if (c >= ' ' && c < 0x7f) {
					return "";
				}
				String name = Character.getName(c);
				return ": character " + (value.codePointCount(0, i) + 1) + " of it is U+"
						+ String.format(Locale.ROOT, "%04X", c) + ((name != null) ? " (" + name + ")" : "")
						+ ", which an editor may not show; retype the value";
			}
		}
		return "";
	}

	/** Letters, digits and underscores, at least one. */
	private static boolean isId(String value) {
		return isWord(value, false);
	}

	/** Letters, digits, underscores and hyphens, at least one. */
	/** Whether a branch label would be a word targets take for themselves: {@code head}, {@code heads}, {@code base}. */
	public static boolean isTargetKeyword(String label) {
		return label.equalsIgnoreCase("head") || label.equalsIgnoreCase("heads") || label.equalsIgnoreCase("base");
	}

	private static boolean isLabel(String value) {
		return isWord(value, true);
	}

	private static boolean isWord(String value, boolean hyphens) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| (hyphens && c == '-');
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static List<String> split(String value, String source, int line) {
		if (value.indexOf(',') < 0 && !value.isBlank()) {
			// one entry, as most headers have
			return List.of(value.strip());
		}
		List<String> values = new ArrayList<>();
		for (String part : value.split(",", -1)) {
			String trimmed = part.strip();
			if (trimmed.isEmpty()) {
				throw new RevisionFileException(source, line,
						"empty entry in the list '" + value + "'; separate entries with single commas");
			}
			values.add(trimmed);
		}
		return values;
	}

	private static void checkDistinct(List<String> values, String what, String source, int line) {
		if (values.size() < 2) {
			return;
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String value : values) {
			if (!seen.add(value)) {
				throw new RevisionFileException(source, line, what + " lists '" + value + "' twice; list it once");
			}
		}
	}

	private static void checkNotSelf(String id, List<String> references, String what, String source, int line) {
		if (references.contains(id)) {
			throw new RevisionFileException(source, line,
					"revision " + id + " names itself as " + what + "; name the revision it follows instead");
		}
	}

	private static List<String> javaList(List<String> values, String method, String source) {
		if (values == null) {
			throw new RevisionFileException(source, 0, method + "() returned null; return List.of() for none");
		}
		for (String value : values) {
			if (value == null) {
				throw new RevisionFileException(source, 0, method + "() contains null");
			}
		}
		return List.copyOf(values);
	}

	private static Instant created(Header header, String source) {
		if (header == null || header.value().isEmpty()) {
			return null;
		}
		Instant written = writtenInstant(header.value());
		if (written != null) {
			return written;
		}
		try {
			return Instant.parse(header.value());
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(header.value()).toInstant();
			}
			catch (DateTimeParseException again) {
				throw new RevisionFileException(source, header.line(), "`created` value '" + header.value()
						+ "' is not an ISO-8601 instant; write it like 2026-11-21T22:39:00Z");
			}
		}
	}

	/**
	 * Reads the form the tool writes ({@code 2026-11-21T22:39:00Z}) without java.time's formatter,
	 * whose first use costs tens of milliseconds of a cold start that reads a thousand files, and
	 * without its date classes, which are slow until compiled; any other form, or an impossible date,
	 * is left to {@link Instant#parse}.
	 */
	private static Instant writtenInstant(String value) {
		if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
			return null;
		}
		int year = number(value, 0, 4);
		int month = number(value, 5, 7);
		int day = number(value, 8, 10);
		int hour = number(value, 11, 13);
		int minute = number(value, 14, 16);
		int second = number(value, 17, 19);
		// what LocalDateTime.of accepts (an impossible date such as February 30 is left to Instant.parse)
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0 || hour > 23
				|| minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second);
	}

	private static int lengthOfMonth(int year, int month) {
		if (month == 2) {
			boolean leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
			return leap ? 29 : 28;
		}
		return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date (year 0 to 9999), as LocalDate.toEpochDay counts them. */
	static long epochDay(int year, int month, int day) {
		// Years starting in March, so the leap day is the last day of a year.
		long y = (month <= 2) ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	// the decimal number in value[start, end), or -1 unless all are ASCII digits
	private static int number(String value, int start, int end) {
		int result = 0;
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

	private static boolean transactional(Header header, String source) {
		if (header == null) {
			return true;
		}
		String value = header.value().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new RevisionFileException(source, header.line(),
					"`transactional` must be true or false, not '" + header.value() + "'");
		};
	}

	/** A header line: its key (one of {@link #HEADERS}), its value without surrounding whitespace, its line. */
	record Header(String key, String value, int line) {
	}

	/** What the headers of a file say, checked, with which a revision is made from its body and checksum. */
	record Headers(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
			String message, Instant created, boolean transactional, List<String> replaces) {

		/**
		 * Checks the headers of a file.
		 * @param headers the headers by their position in {@link #HEADERS}, {@code null} where missing
		 * @param source the file, for messages
		 * @return the values
		 * @throws RevisionFileException naming the line of the first problem
		 */
		static Headers of(Header[] headers, String source) {
			String id = RevisionFileParser.required(headers, REVISION, source);
			Header revisionHeader = headers[REVISION];
			RevisionFileParser.checkId(id, "revision", source, revisionHeader.line());
			RevisionFileParser.checkFileName(id, source, revisionHeader.line());
			String downValue = RevisionFileParser.required(headers, DOWN_REVISION, source);
			int downLine = headers[DOWN_REVISION].line();
			List<String> downRevisions = RevisionFileParser.downRevisions(downValue, source, downLine);
			List<String> dependsOn = RevisionFileParser.list(headers[DEPENDS_ON], false, "revision id", source);
			List<String> branchLabels = RevisionFileParser.list(headers[BRANCH_LABELS], true,
					"branch label (letters, digits, '_' and '-')", source);
			RevisionFileParser.checkNotSelf(id, downRevisions, "down_revision", source, downLine);
			if (headers[DEPENDS_ON] != null) {
				RevisionFileParser.checkNotSelf(id, dependsOn, "depends_on", source, headers[DEPENDS_ON].line());
			}
			String message = (headers[MESSAGE] != null) ? headers[MESSAGE].value() : "";
			Instant created = RevisionFileParser.created(headers[CREATED], source);
			boolean transactional = RevisionFileParser.transactional(headers[TRANSACTIONAL], source);
			List<String> replaces = RevisionFileParser.list(headers[REPLACES], false, "revision id", source);
			if (headers[REPLACES] != null) {
				RevisionFileParser.checkNotSelf(id, replaces, "replaces", source, headers[REPLACES].line());
				if (!downRevisions.isEmpty()) {
					throw new RevisionFileException(source, headers[REPLACES].line(), "a revision with `replaces` (a"
							+ " squash of the history up to a revision) starts the history: its down_revision must be none");
				}
			}
			return new Headers(id, downRevisions, dependsOn, branchLabels, message, created, transactional, replaces);
		}

		Revision revision(String source, String checksum, SqlBody body) {
			return new Revision(this.id, this.downRevisions, this.dependsOn, this.branchLabels, this.message,
					this.created, this.transactional, source, checksum, body, this.replaces);
		}

	}

}
