package dev.migrations.revision;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

import dev.migrations.revision.RevisionFileParser.Header;
import dev.migrations.revision.RevisionFileParser.Headers;
import dev.migrations.revision.Revision.SqlBody;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlSyntax;

/**
 * Reads a revision file straight from its bytes when it has the form almost every file has: ASCII,
 * LF line endings, no control character but tabs, headers of known keys each once, one
 * {@code -- upgrade} line and at most one {@code -- downgrade} line below it. For any other file, and
 * for every problem in the form of its lines, it returns {@code null} and leaves the file to
 * {@link RevisionFileParser#parse(String, String, SqlSyntax)}, which reads the decoded text to the
 * same revision and reports the problem naming the line; the headers' values are checked by the
 * same code for both.
 * <p>
 * Every startup reads every file, mostly in the interpreter: one pass over the bytes finds the
 * lines, the headers, the section lines and what normalising the upgrade section changes, and the
 * checksum is taken from the bytes, without decoding the file, splitting it into strings or
 * encoding the upgrade section again.
 */
final class RevisionFileBytes {

	private static final int NONE = 0;

	private static final int UPGRADE = 1;

	private static final int DOWNGRADE = 2;

	private static final byte[][] HEADER_KEYS;

	private static final byte[] UPGRADE_WORD = "upgrade".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DOWNGRADE_WORD = "downgrade".getBytes(StandardCharsets.US_ASCII);

	static {
		HEADER_KEYS = new byte[RevisionFileParser.HEADERS.size()][];
		for (int i = 0; i < HEADER_KEYS.length; i++) {
			HEADER_KEYS[i] = RevisionFileParser.HEADERS.get(i).getBytes(StandardCharsets.US_ASCII);
		}
	}

	private RevisionFileBytes() {
	}

	/**
	 * Reads a revision file of the common form.
	 * @param bytes the file's bytes
	 * @param source where it came from, for messages and for the file-name check
	 * @param syntax the lexical rules of the database, for a section line below a quote character
	 * @return the revision, or {@code null} when the file is to be read from its decoded text
	 * @throws RevisionFileException when a header's value is invalid (as the text's reading reports it)
	 */
	static Revision parse(byte[] bytes, String source, SqlSyntax syntax) {
		int length = bytes.length;
		Header[] headers = new Header[HEADER_KEYS.length];
		int pos = 0;
		int lineNumber = 0;
		int upgradeMarker = -1;
		while (pos < length && upgradeMarker < 0) {
			int start = pos;
			int end = lineEnd(bytes, pos);
			if (end < 0) {
				return null;
			}
			pos = end + 1;
			lineNumber++;
			int i = skipBlanks(bytes, start, end);
			if (i == end) {
				continue;
			}
			if (end - i < 2 || bytes[i] != '-' || bytes[i + 1] != '-') {
				return null;
			}
			i = skipBlanks(bytes, i + 2, end);
			int marker = marker(bytes, i, end);
			if (marker == UPGRADE) {
				upgradeMarker = lineNumber - 1;
			}
			else if (marker == DOWNGRADE || !header(bytes, i, end, lineNumber, headers)) {
				return null;
			}
		}
		if (upgradeMarker < 0) {
			return null;
		}
		SqlLines sql = SqlLines.read(bytes, pos);
		if (sql == null) {
			return null;
		}
		int[] lines = sql.bounds();
		int count = sql.count();
		int[] candidates = new int[sql.dashCount()];
		int candidateCount = 0;
		for (int k = 0; k < sql.dashCount(); k++) {
			int line = sql.dashes()[k];
			int trimmed = lines[3 * line + 2];
			int afterDashes = skipBlanks(bytes, lines[3 * line], trimmed) + 2;
			int marker = marker(bytes, skipBlanks(bytes, afterDashes, trimmed), trimmed);
			if (marker != NONE) {
				candidates[candidateCount++] = (marker == UPGRADE) ? -line - 1 : line;
			}
		}
		int firstQuote = sql.firstQuote();
		int downgradeMarker = downgradeMarker(bytes, lines, candidates, candidateCount, firstQuote, syntax);
		if (downgradeMarker == -2) {
			return null;
		}
		Headers values = Headers.of(headers, source);
		int upgradeEnd = (downgradeMarker < 0) ? count : downgradeMarker;
		String upgrade = text(bytes, lines, 0, upgradeEnd);
		String downgrade = (downgradeMarker < 0) ? "" : text(bytes, lines, downgradeMarker + 1, count);
		int downgradeLine = (downgradeMarker < 0) ? 0 : upgradeMarker + downgradeMarker + 3;
		SqlBody body = new SqlBody(upgrade, upgradeMarker + 2, downgrade, downgradeLine);
		return values.revision(source, checksum(bytes, lines, upgradeEnd, values.transactional()), body);
	}

	/**
	 * The SQL lines of a file, after its {@code -- upgrade} line, read in one pass of their own (so that
	 * the compilers compile this loop, not the whole of {@link #parse}).
	 * @param bounds three ints per line: where it starts, where it ends, where it ends without trailing blanks
	 * @param count how many lines
	 * @param dashes the lines whose first characters but blanks are {@code --}: the section line candidates
	 * @param dashCount how many of those
	 * @param firstQuote the offset of the first character that may open a quote, -1 when there is none
	 */
	private record SqlLines(int[] bounds, int count, int[] dashes, int dashCount, int firstQuote) {

		/** The lines from {@code from} to the end, or {@code null} at a byte this reader leaves to the text's. */
		static SqlLines read(byte[] bytes, int from) {
			int length = bytes.length;
			int[] lines = new int[48];
			int count = 0;
			int[] dashes = new int[4];
			int dashCount = 0;
			int firstQuote = -1;
			int pos = from;
			while (pos < length) {
				int start = pos;
				int trimmed = pos;
				for (; pos < length; pos++) {
					int c = bytes[pos];
					if (c > ' ') {
						trimmed = pos + 1;
						if (firstQuote < 0 && (c == '\'' || c == '"' || c == '`' || c == '$' || c == '/')) {
							firstQuote = pos;
						}
					}
					else if (c == '\n') {
						break;
					}
					else if (c != ' ' && c != '\t') {
						return null;
					}
				}
				if (3 * count + 3 > lines.length) {
					lines = Arrays.copyOf(lines, lines.length * 2);
				}
				lines[3 * count] = start;
				lines[3 * count + 1] = pos;
				lines[3 * count + 2] = trimmed;
				int first = start;
				while (first < trimmed && (bytes[first] == ' ' || bytes[first] == '\t')) {
					first++;
				}
				if (trimmed - first >= 2 && bytes[first] == '-' && bytes[first + 1] == '-') {
					if (dashCount == dashes.length) {
						dashes = Arrays.copyOf(dashes, dashCount * 2);
					}
					dashes[dashCount++] = count;
				}
				count++;
				pos++;
			}
			return new SqlLines(lines, count, dashes, dashCount, firstQuote);
		}

	}

	/** Where the line starting at {@code start} ends (its LF or the end), or -1 at a byte this reader leaves to the text's. */
	private static int lineEnd(byte[] bytes, int start) {
		for (int i = start; i < bytes.length; i++) {
			int c = bytes[i];
			if (c < ' ') {
				if (c == '\n') {
					return i;
				}
				if (c != '\t') {
					return -1;
				}
			}
		}
		return bytes.length;
	}

	/**
	 * Reads {@code bytes[at, end)}, the part of a header line after {@code --} and blanks, into the
	 * headers: {@code false} when it is not a known key, a colon and a value, or the key was seen before.
	 */
	private static boolean header(byte[] bytes, int at, int end, int lineNumber, Header[] headers) {
		int i = at;
		while (i < end && isKeyPart(bytes[i])) {
			i++;
		}
		int keyEnd = i;
		i = skipBlanks(bytes, i, end);
		if (keyEnd == at || i == end || bytes[i] != ':') {
			return false;
		}
		int index = headerIndex(bytes, at, keyEnd);
		if (index < 0 || headers[index] != null) {
			return false;
		}
		int valueStart = skipBlanks(bytes, i + 1, end);
		int valueEnd = end;
		while (valueEnd > valueStart && (bytes[valueEnd - 1] == ' ' || bytes[valueEnd - 1] == '\t')) {
			valueEnd--;
		}
		String value = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
		headers[index] = new Header(RevisionFileParser.HEADERS.get(index), value, lineNumber);
		return true;
	}

	// A key that starts with a digit or '-' matches none of the known ones.
	private static boolean isKeyPart(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	/** The position in {@link RevisionFileParser#HEADERS} of the key {@code bytes[start, end)}, any case, or -1. */
	private static int headerIndex(byte[] bytes, int start, int end) {
		for (int k = 0; k < HEADER_KEYS.length; k++) {
			if (HEADER_KEYS[k].length == end - start && wordAt(bytes, start, end, HEADER_KEYS[k])) {
				return k;
			}
		}
		return -1;
	}

	/**
	 * The SQL line (counted from the one after {@code -- upgrade}) of the downgrade marker, -1 when
	 * there is none, or -2 when the file is left to the text's reading (a second marker, which it reports).
	 * A candidate below a character that may open a string, quoted identifier, comment or dollar quote is
	 * a marker only if it starts outside all of them, as the text's reading decides it.
	 */
	private static int downgradeMarker(byte[] bytes, int[] lines, int[] candidates, int count, int firstQuote,
			SqlSyntax syntax) {
		if (count == 0) {
			return -1;
		}
		int last = candidates[count - 1];
		int lastStart = lines[3 * ((last < 0) ? -last - 1 : last)];
		BitSet outsideQuotes = null;
		if (firstQuote >= 0 && firstQuote < lastStart) {
			outsideQuotes = SqlSplitter.linesOutsideQuotes(new String(bytes, StandardCharsets.ISO_8859_1), lines[0],
					lastStart, syntax);
		}
		int downgrade = -1;
		for (int k = 0; k < count; k++) {
			int candidate = candidates[k];
			int line = (candidate < 0) ? -candidate - 1 : candidate;
			if (outsideQuotes != null && !outsideQuotes.get(line + 1)) {
				continue;
			}
			if (candidate < 0 || downgrade >= 0) {
				return -2;
			}
			downgrade = line;
		}
		return downgrade;
	}

	/** The SQL lines {@code from} (included) to {@code to} (excluded) as they are in the file, joined by their LFs. */
	private static String text(byte[] bytes, int[] lines, int from, int to) {
		if (from >= to) {
			return "";
		}
		int start = lines[3 * from];
		return new String(bytes, start, lines[3 * (to - 1) + 1] - start, StandardCharsets.ISO_8859_1);
	}

	/**
	 * {@link RevisionFileParser#checksum}, from the bytes of the upgrade section's lines: without its
	 * leading and trailing blank lines and each line without its trailing blanks, joined with LF.
	 */
	private static String checksum(byte[] bytes, int[] lines, int upgradeEnd, boolean transactional) {
		Sha256 digest = new Sha256();
		digest.update(transactional ? RevisionFileParser.TRANSACTIONAL_TRUE : RevisionFileParser.TRANSACTIONAL_FALSE);
		int first = 0;
		while (first < upgradeEnd && lines[3 * first + 2] == lines[3 * first]) {
			first++;
		}
		int last = upgradeEnd - 1;
		while (last > first && lines[3 * last + 2] == lines[3 * last]) {
			last--;
		}
		boolean trailingBlanks = false;
		for (int i = first; i <= last && !trailingBlanks; i++) {
			trailingBlanks = lines[3 * i + 2] != lines[3 * i + 1];
		}
		if (first < upgradeEnd && !trailingBlanks) {
			digest.update(bytes, lines[3 * first], lines[3 * last + 2] - lines[3 * first]);
		}
		else if (first < upgradeEnd) {
			byte[] lf = { '\n' };
			for (int i = first; i <= last; i++) {
				if (i > first) {
					digest.update(lf);
				}
				digest.update(bytes, lines[3 * i], lines[3 * i + 2] - lines[3 * i]);
			}
		}
		return RevisionFileParser.hex(digest.digest());
	}

	/** Which section line {@code bytes[at, end)} is, after {@code --} and blanks: the word and nothing but blanks. */
	private static int marker(byte[] bytes, int at, int end) {
		if (wordAt(bytes, at, end, UPGRADE_WORD)) {
			return (skipBlanks(bytes, at + UPGRADE_WORD.length, end) == end) ? UPGRADE : NONE;
		}
		if (wordAt(bytes, at, end, DOWNGRADE_WORD)) {
			return (skipBlanks(bytes, at + DOWNGRADE_WORD.length, end) == end) ? DOWNGRADE : NONE;
		}
		return NONE;
	}

	private static int skipBlanks(byte[] bytes, int start, int end) {
		int i = start;
		while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
			i++;
		}
		return i;
	}

	// whether bytes[at, end) starts with the lowercase word, ASCII letters in either case
	private static boolean wordAt(byte[] bytes, int at, int end, byte[] word) {
		if (end - at < word.length) {
			return false;
		}
		for (int k = 0; k < word.length; k++) {
			int c = bytes[at + k];
			if (c >= 'A' && c <= 'Z') {
				c += 'a' - 'A';
			}
			if (c != word[k]) {
				return false;
			}
		}
		return true;
	}

}
