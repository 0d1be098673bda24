package dev.migrations.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.MigrationsException;
import dev.migrations.revision.Revision.JavaBody;
import dev.migrations.revision.Revision.SqlBody;

import static dev.migrations.revision.Revisions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

class RevisionFileParserTest {

	private static final String SOURCE = "db/revisions/3f2a9c1b7d4e_add_status_index.sql";

	private static final String FULL = """
			-- revision: 3f2a9c1b7d4e
			-- down_revision: 1a2b3c4d5e6f
			-- message: add status index to bulletin
			-- created: 2026-11-21T22:39:00Z
			-- transactional: false
			-- depends_on: abc123def456, abc123def457
			-- branch_labels: billing

			-- upgrade
			CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_bulletin_status ON bulletin (status);

			-- downgrade
			DROP INDEX CONCURRENTLY IF EXISTS ix_bulletin_status;
			""";

	private static String file(String downRevision, String upgrade, String downgrade) {
		return "-- revision: 3f2a9c1b7d4e\n-- down_revision: " + downRevision + "\n-- message: add status index\n\n"
				+ "-- upgrade\n" + upgrade + "\n-- downgrade\n" + downgrade + "\n";
	}

	private static RevisionFileException error(String content) {
		return thrown(RevisionFileException.class, () -> RevisionFileParser.parse(content, SOURCE));
	}

	@Test
	void readsEveryHeader() {
		Revision revision = RevisionFileParser.parse(FULL, SOURCE);
		assertThat(revision.id()).isEqualTo("3f2a9c1b7d4e");
		assertThat(revision.downRevisions()).containsExactly("1a2b3c4d5e6f");
		assertThat(revision.message()).isEqualTo("add status index to bulletin");
		assertThat(revision.created()).isEqualTo(Instant.parse("2026-11-21T22:39:00Z"));
		assertThat(revision.transactional()).isFalse();
		assertThat(revision.dependsOn()).containsExactly("abc123def456", "abc123def457");
		assertThat(revision.branchLabels()).containsExactly("billing");
		assertThat(revision.source()).isEqualTo(SOURCE);
		assertThat(revision.isRoot()).isFalse();
		assertThat(revision.isMerge()).isFalse();
	}

	@Test
	void readsSectionsWithTheFileLinesTheyStartAt() {
		SqlBody body = (SqlBody) RevisionFileParser.parse(FULL, SOURCE).body();
		assertThat(body.upgrade())
			.isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_bulletin_status ON bulletin (status);\n");
		assertThat(body.upgradeLine()).isEqualTo(10);
		assertThat(body.downgrade()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS ix_bulletin_status;");
		assertThat(body.downgradeLine()).isEqualTo(13);
		assertThat(FULL.lines().toList().get(body.upgradeLine() - 1)).startsWith("CREATE INDEX");
		assertThat(FULL.lines().toList().get(body.downgradeLine() - 1)).startsWith("DROP INDEX");
	}

	@Test
	void optionalHeadersHaveDefaults() {
		Revision revision = RevisionFileParser.parse("""
				-- revision: 3f2a9c1b7d4e
				-- down_revision: 1a2b3c4d5e6f
				-- upgrade
				SELECT 1;
				""", SOURCE);
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.message()).isEmpty();
		assertThat(revision.created()).isNull();
		assertThat(revision.dependsOn()).isEmpty();
		assertThat(revision.branchLabels()).isEmpty();
		assertThat(revision.checksum()).isEqualTo(RevisionFileParser.checksum("SELECT 1;", true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "NONE" })
	void noneMakesARoot(String none) {
		Revision revision = RevisionFileParser.parse(file(none, "SELECT 1;", ""), SOURCE);
		assertThat(revision.downRevisions()).isEmpty();
		assertThat(revision.isRoot()).isTrue();
	}

	@Test
	void commaListMakesAMerge() {
		Revision revision = RevisionFileParser.parse(file("a1b2c3d4e5f6, 0f9e8d7c6b5a", "", ""), SOURCE);
		assertThat(revision.downRevisions()).containsExactly("a1b2c3d4e5f6", "0f9e8d7c6b5a");
		assertThat(revision.isMerge()).isTrue();
	}

	@Test
	void headerValuesMayContainColons() {
		Revision revision = RevisionFileParser.parse(
				FULL.replace("add status index to bulletin", "fix: status index, take 2"), SOURCE);
		assertThat(revision.message()).isEqualTo("fix: status index, take 2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:30:45Z",
			"2026-11-21T22:39:00.250Z" })
	void createdIsTheInstantWritten(String written) {
		Revision revision = RevisionFileParser.parse(FULL.replace("2026-11-21T22:39:00Z", written), SOURCE);
		assertThat(revision.created()).isEqualTo(Instant.parse(written));
	}

	@Test
	void createdAcceptsAnOffset() {
		Revision revision = RevisionFileParser.parse(
				FULL.replace("2026-11-21T22:39:00Z", "2026-11-21T23:39:00+01:00"), SOURCE);
		assertThat(revision.created()).isEqualTo(Instant.parse("2026-11-21T22:39:00Z"));
	}

	@Test
	void withoutDowngradeSectionTheRevisionIsIrreversible() {
		Revision revision = RevisionFileParser.parse("""
				-- revision: 3f2a9c1b7d4e
				-- down_revision: none

				-- upgrade
				CREATE TABLE t (id int);
				""", SOURCE);
		SqlBody body = (SqlBody) revision.body();
		assertThat(body.upgrade()).isEqualTo("CREATE TABLE t (id int);");
		assertThat(body.downgrade()).isEmpty();
		assertThat(body.downgradeLine()).isZero();
	}

	@Test
	void emptyUpgradeSectionIsAllowed() {
		Revision revision = RevisionFileParser.parse(file("none", "", ""), SOURCE);
		assertThat(((SqlBody) revision.body()).upgrade()).isEmpty();
	}

	@Test
	void markersAreWholeLinesInAnyCaseWithSurroundingWhitespace() {
		Revision revision = RevisionFileParser.parse("""
				-- revision: 3f2a9c1b7d4e
				-- down_revision: none
				   --   UPGRADE\t
				SELECT 1; -- downgrade
				-- downgrade later, once the data is copied
				  -- Downgrade
				SELECT 2;
				""", SOURCE);
		SqlBody body = (SqlBody) revision.body();
		assertThat(body.upgrade()).isEqualTo("SELECT 1; -- downgrade\n-- downgrade later, once the data is copied");
		assertThat(body.upgradeLine()).isEqualTo(4);
		assertThat(body.downgrade()).isEqualTo("SELECT 2;");
		assertThat(body.downgradeLine()).isEqualTo(7);
	}

	@Test
	void jsonAndColonsInSqlAreUntouched() {
		String sql = "INSERT INTO settings (doc) VALUES ('{\"key\":true, \"at\":\"12:30\"}');";
		Revision revision = RevisionFileParser.parse(file("none", sql, ""), SOURCE);
		assertThat(((SqlBody) revision.body()).upgrade()).isEqualTo(sql);
	}

	@Test
	void crlfFileReadsLikeLfFile() {
		Revision lf = RevisionFileParser.parse(FULL, SOURCE);
		Revision crlf = RevisionFileParser.parse(FULL.replace("\n", "\r\n"), SOURCE);
		assertThat(crlf.id()).isEqualTo(lf.id());
		assertThat(crlf.message()).isEqualTo(lf.message());
		assertThat(crlf.body()).isEqualTo(lf.body());
		assertThat(crlf.checksum()).isEqualTo(lf.checksum());
		assertThat(((SqlBody) crlf.body()).upgrade()).doesNotContain("\r");
	}

	@Test
	void oldMacLineEndingsAreLineEndings() {
		Revision cr = RevisionFileParser.parse(FULL.replace("\n", "\r"), SOURCE);
		assertThat(cr.body()).isEqualTo(RevisionFileParser.parse(FULL, SOURCE).body());
	}

	@Test
	void byteOrderMarkIsIgnored() {
		Revision revision = RevisionFileParser.parse("\uFEFF" + FULL, SOURCE);
		assertThat(revision.id()).isEqualTo("3f2a9c1b7d4e");
		assertThat(((SqlBody) revision.body()).upgradeLine()).isEqualTo(10);
	}

	@Test
	void unknownHeaderIsAnErrorWithSuggestionAndKnownKeys() {
		RevisionFileException error = error(FULL.replace("-- down_revision:", "-- down_revison:"));
		assertThat(error.source()).isEqualTo(SOURCE);
		assertThat(error.line()).isEqualTo(2);
		assertThat(error).hasMessageStartingWith(SOURCE + ":2: ")
			.hasMessageContaining("unknown header `down_revison`")
			.hasMessageContaining("did you mean `down_revision`?")
			.hasMessageContaining("revision, down_revision, message, created, transactional, depends_on, branch_labels");
	}

	@Test
	void unknownHeaderFarFromAnyKnownListsKnownKeys() {
		RevisionFileException error = error(FULL.replace("-- branch_labels: billing", "-- author: me"));
		assertThat(error.line()).isEqualTo(7);
		assertThat(error).hasMessageContaining("unknown header `author`. Known headers: revision, down_revision")
			.hasMessageNotContaining("did you mean")
			.hasMessageEndingWith("; a note of your own goes after the `-- upgrade` line, as an SQL comment");
	}

	@Test
	void aBranchLabelThatIsATargetKeywordIsRefused() {
		// `db upgrade head` would mean the label's revision or the graph's head, depending on who reads it
		for (String keyword : new String[] { "head", "Heads", "base" }) {
			RevisionFileException error = error(FULL.replace("-- branch_labels: billing", "-- branch_labels: billing, "
					+ keyword));
			assertThat(error).hasMessage(SOURCE + ":7: '" + keyword + "' in `branch_labels` is a target keyword (head,"
					+ " heads, base), which a target would not read as the label: choose another label");
		}
	}

	@Test
	void aByteOrderMarkBeforeTheUpgradeLineIsNamed() {
		// left in the middle of a file by joining files saved with one: invisible where the message quotes the line
		RevisionFileException error = error(FULL.replace("\n-- upgrade\n", "\n\uFEFF-- upgrade\n"));
		assertThat(error).hasMessageStartingWith(SOURCE + ":9: ")
			.hasMessageContaining("an invisible byte order mark (U+FEFF) starts the line `-- upgrade`: delete it");
	}

	@Test
	void aLintCommentAmongTheHeadersIsToldWhereItGoes() {
		RevisionFileException error = error(FULL.replace("-- branch_labels: billing",
				"-- lint: disable=index-without-concurrently small table"));
		assertThat(error.line()).isEqualTo(7);
		assertThat(error).hasMessageStartingWith(SOURCE + ":7: a `-- lint:` comment goes in a section, not among the"
				+ " headers: move it after the `-- upgrade` line");
	}

	@Test
	void markerWrittenAsHeaderIsExplained() {
		RevisionFileException error = error(FULL.replace("-- upgrade", "-- upgrade:"));
		assertThat(error.line()).isEqualTo(9);
		assertThat(error).hasMessageContaining("the section line is `-- upgrade`, without a colon");
	}

	@Test
	void headerWithoutColonIsAnError() {
		RevisionFileException error = error(FULL.replace("-- down_revision:", "-- down_revision"));
		assertThat(error.line()).isEqualTo(2);
		assertThat(error).hasMessageContaining("expected a header `-- key: value`")
			.hasMessageContaining("-- down_revision 1a2b3c4d5e6f");
	}

	@Test
	void sqlBeforeUpgradeLineIsAnError() {
		RevisionFileException error = error(FULL.replace("-- branch_labels: billing", "CREATE TABLE t (id int);"));
		assertThat(error.line()).isEqualTo(7);
		assertThat(error).hasMessageContaining("SQL and comments go after `-- upgrade`");
	}

	@Test
	void repeatedHeaderIsAnError() {
		RevisionFileException error = error(FULL.replace("-- branch_labels: billing", "-- message: again"));
		assertThat(error.line()).isEqualTo(7);
		assertThat(error).hasMessageContaining("header `message` appears twice (first at line 3)");
	}

	@Test
	void missingRevisionHeaderIsAnError() {
		RevisionFileException error = error(FULL.replace("-- revision: 3f2a9c1b7d4e\n", ""));
		assertThat(error).hasMessageStartingWith(SOURCE + ":1: ").hasMessageContaining("missing header `-- revision: ...`");
	}

	@Test
	void missingDownRevisionHeaderIsAnErrorNotARoot() {
		RevisionFileException error = error(FULL.replace("-- down_revision: 1a2b3c4d5e6f\n", ""));
		assertThat(error).hasMessageContaining("missing header `-- down_revision: ...` (`none` for the first revision)");
	}

	@Test
	void emptyDownRevisionIsAnError() {
		RevisionFileException error = error(FULL.replace("-- down_revision: 1a2b3c4d5e6f", "-- down_revision:"));
		assertThat(error.line()).isEqualTo(2);
		assertThat(error).hasMessageContaining("header `down_revision` is empty; write `none` for a root revision");
	}

	@Test
	void missingUpgradeLineIsAnError() {
		RevisionFileException error = error("""
				-- revision: 3f2a9c1b7d4e
				-- down_revision: none
				-- message: nothing
				""");
		assertThat(error.line()).isEqualTo(3);
		assertThat(error).hasMessageContaining("no `-- upgrade` line");
	}

	@Test
	void downgradeBeforeUpgradeIsAnError() {
		RevisionFileException error = error("""
				-- revision: 3f2a9c1b7d4e
				-- down_revision: none
				-- downgrade
				DROP TABLE t;
				-- upgrade
				CREATE TABLE t (id int);
				""");
		assertThat(error.line()).isEqualTo(3);
		assertThat(error).hasMessageContaining("`-- downgrade` comes before `-- upgrade`");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			-- upgrade   | 6 | second `-- upgrade` line (the first is line 3)
			-- downgrade | 6 | second `-- downgrade` line (the first is line 5)
			""")
	void repeatedMarkerIsAnErrorRatherThanASilentCut(String marker, int line, String message) {
		RevisionFileException error = error("""
				-- revision: 3f2a9c1b7d4e
				-- down_revision: none
				-- upgrade
				CREATE TABLE t (id int);
				-- downgrade
				%s
				DROP TABLE t;
				""".formatted(marker));
		assertThat(error.line()).isEqualTo(line);
		assertThat(error).hasMessageContaining(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			-- revision: 3f2a-9c1b      | 1 | revision id '3f2a-9c1b' is invalid; revision ids are letters, digits and underscores
			-- revision: 3f2a 9c1b      | 1 | revision id '3f2a 9c1b' is invalid
			-- revision: head           | 1 | revision id 'head' is reserved
			-- revision: None           | 1 | revision id 'None' is reserved
			-- down_revision: 1a2b.3c   | 2 | down_revision id '1a2b.3c' is invalid
			-- down_revision: base      | 2 | down_revision id 'base' is reserved
			-- down_revision: none, 1a2b | 2 | `none` cannot be combined with other revisions
			-- down_revision: 1a2b,,3c4d | 2 | empty entry in the list '1a2b,,3c4d'
			-- down_revision: 1a2b, 1a2b | 2 | down_revision lists '1a2b' twice
			-- down_revision: 3f2a9c1b7d4e | 2 | revision 3f2a9c1b7d4e names itself as down_revision
			-- depends_on: abc$         | 6 | 'abc$' in `depends_on` is not a valid revision id
			-- depends_on: 3f2a9c1b7d4e | 6 | names itself as depends_on
			-- branch_labels: bill ing  | 7 | 'bill ing' in `branch_labels` is not a valid branch label
			-- transactional: maybe     | 5 | `transactional` must be true or false, not 'maybe'
			-- created: yesterday       | 4 | `created` value 'yesterday' is not an ISO-8601 instant
			-- created: 2026-02-30T10:00:00Z | 4 | `created` value '2026-02-30T10:00:00Z' is not an ISO-8601 instant
			""")
	void invalidHeaderValuesAreErrorsWithLine(String header, int line, String message) {
		String key = header.substring(3, header.indexOf(':'));
		String content = FULL.lines()
			.map((l) -> l.startsWith("-- " + key + ":") ? header : l)
			.reduce((a, b) -> a + "\n" + b)
			.orElseThrow();
		String source = "db/revisions/x.txt";
		RevisionFileException error = thrown(RevisionFileException.class, () -> RevisionFileParser.parse(content, source));
		assertThat(error.line()).isEqualTo(line);
		assertThat(error).hasMessageStartingWith(source + ":" + line + ": ").hasMessageContaining(message);
	}

	@Test
	void anIdHoldingACharacterAnEditorDoesNotShowNamesIt() {
		// pasted from a chat or a web page: a no-break space the header's spaces do not strip, a zero-width space
		String source = "db/revisions/x.txt";
		String noBreak = FULL.replace("-- revision: 3f2a9c1b7d4e", "-- revision:\u00a03f2a9c1b7d4e");
		assertThat(thrown(RevisionFileException.class, () -> RevisionFileParser.parse(noBreak, source)))
			.hasMessage(source + ":1: revision id '\u00a03f2a9c1b7d4e' is invalid; revision ids are letters, digits and"
					+ " underscores (e.g. 3f2a9c1b7d4e): character 1 of it is U+00A0 (NO-BREAK SPACE), which an editor"
					+ " may not show; retype the value");
		String zeroWidth = FULL.replace("-- down_revision: 1a2b3c4d5e6f", "-- down_revision: 1a2b3c4d5e6f\u200b");
		assertThat(thrown(RevisionFileException.class, () -> RevisionFileParser.parse(zeroWidth, source)))
			.hasMessageEndingWith("down_revision id '1a2b3c4d5e6f\u200b' is invalid; revision ids are letters, digits and"
					+ " underscores (e.g. 3f2a9c1b7d4e): character 13 of it is U+200B (ZERO WIDTH SPACE), which an editor"
					+ " may not show; retype the value");
		String label = FULL.replace("-- branch_labels: billing", "-- branch_labels: billing\u00a0");
		assertThat(thrown(RevisionFileException.class, () -> RevisionFileParser.parse(label, source)))
			.hasMessageEndingWith("'billing\u00a0' in `branch_labels` is not a valid branch label (letters, digits, '_'"
					+ " and '-'): character 8 of it is U+00A0 (NO-BREAK SPACE), which an editor may not show; retype the value");
	}

	@Test
	void fileNameStartingWithAnotherIdIsAnError() {
		RevisionFileException error = thrown(RevisionFileException.class,
				() -> RevisionFileParser.parse(FULL, "db/revisions/1a2b3c4d5e6f_add_status_index.sql"));
		assertThat(error.line()).isEqualTo(1);
		assertThat(error).hasMessageContaining("the file name starts with '1a2b3c4d5e6f'")
			.hasMessageContaining("the header says revision 3f2a9c1b7d4e")
			.hasMessageContaining("rename it to 3f2a9c1b7d4e_add_status_index.sql");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3f2a9c1b7d4e_add_status_index.sql", "classpath:db/revisions/3f2a9c1b7d4e_x.sql",
			"C:\\app\\db\\revisions\\3f2a9c1b7d4e_x.SQL", "3f2a9c1b7d4e.sql", "inline revision" })
	void fileNameMatchingTheIdOrNotAFileIsAccepted(String source) {
		assertThat(RevisionFileParser.parse(FULL, source).id()).isEqualTo("3f2a9c1b7d4e");
	}

	@Test
	void fileNameWithLongerIdIsAnError() {
		RevisionFileException error = thrown(RevisionFileException.class,
				() -> RevisionFileParser.parse(FULL, "3f2a9c1b7d4e0_copy.sql"));
		assertThat(error).hasMessageContaining("starts with '3f2a9c1b7d4e0'");
	}

	@Test
	void errorsAreRevisionExceptionsAndMigrationsExceptions() {
		assertThat(error("")).isInstanceOf(RevisionException.class).isInstanceOf(MigrationsException.class);
	}

	@Test
	void checksumIgnoresMessageCreatedAndDowngrade() {
		String original = RevisionFileParser.parse(FULL, SOURCE).checksum();
		String edited = FULL.replace("add status index to bulletin", "index bulletins by status")
			.replace("2026-11-21T22:39:00Z", "2027-01-01T00:00:00Z")
			.replace("DROP INDEX CONCURRENTLY IF EXISTS ix_bulletin_status;", "DROP INDEX ix_bulletin_status;");
		assertThat(RevisionFileParser.parse(edited, SOURCE).checksum()).isEqualTo(original);
	}

	@Test
	void checksumIgnoresTrailingWhitespaceAndSurroundingBlankLines() {
		String original = RevisionFileParser.parse(FULL, SOURCE).checksum();
		String edited = FULL.replace("-- upgrade\n", "-- upgrade\n\n   \n")
			.replace("(status);\n", "(status);  \t\n\n\n");
		assertThat(RevisionFileParser.parse(edited, SOURCE).checksum()).isEqualTo(original);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			ix_bulletin_status ON bulletin (status); | ix_bulletin_status ON bulletin (status, id);
			CONCURRENTLY IF NOT EXISTS               | CONCURRENTLY
			-- transactional: false                  | -- transactional: true
			(status);\\n                             | (status);\\nANALYZE bulletin;\\n
			""")
	void checksumChangesWhenWhatUpgradeExecutesChanges(String from, String to) {
		String original = RevisionFileParser.parse(FULL, SOURCE).checksum();
		String edited = FULL.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
		assertThat(edited).isNotEqualTo(FULL);
		assertThat(RevisionFileParser.parse(edited, SOURCE).checksum()).isNotEqualTo(original);
	}

	@Test
	void checksumIsSha256HexOfNormalisedUpgradeAndFlag() {
		String checksum = RevisionFileParser.checksum("SELECT 1;", true);
		assertThat(checksum).hasSize(64).matches("[0-9a-f]+");
		assertThat(RevisionFileParser.checksum("\r\n  \nSELECT 1;   \r\n\n", true)).isEqualTo(checksum);
		assertThat(RevisionFileParser.checksum("SELECT 1;", false)).isNotEqualTo(checksum);
		assertThat(RevisionFileParser.checksum("  SELECT 1;", true)).isNotEqualTo(checksum);
	}

	// Checksums are stored in the version table: these values must never change, or databases
	// upgraded by an earlier version would report every applied revision as modified.
	@Test
	void checksumsKeepTheirStoredValues() {
		assertThat(RevisionFileParser.checksum("SELECT 1;", true))
			.isEqualTo("e8357ec67f1c34307bce1229e41e76648b06dd054fb6591b7fd9f8a09fa709a6");
		assertThat(RevisionFileParser.checksum("SELECT 1;", false))
			.isEqualTo("cf7e6ff610fa309872d0123e4c1c856dc16fe1ce3b6b2991dd847fae7bfe608a");
		assertThat(RevisionFileParser.checksum("", true))
			.isEqualTo("6219234d232a317845f3a942aa26d422bb3c291dc22cbab1b6915ce0f09366fc");
		assertThat(RevisionFileParser.checksum("\r\n  \nCREATE TABLE bulletin (\r\n    id bigint PRIMARY KEY,   \r\n"
				+ "    title varchar(200) NOT NULL\t\r\n);\r\n\r\n", true))
			.isEqualTo("2830f5e778025f301a02bbc38f505ff64bcda898056a7ba29b5e8530309f2be9");
		assertThat(RevisionFileParser.checksum(
				"INSERT INTO label (name) VALUES ('\u00e9t\u00e9'), ('\u4e2d\u6587'), ('\ud83d\ude00');\n-- comment\u00A0\u2003\n",
				false))
			.isEqualTo("2063932ff2c6476bc049ae84ec2274c5acd2d701e255b8e3efcc928a27216893");
	}

	@Test
	void checksumIsTheDocumentedDigestForAnyText() throws NoSuchAlgorithmException {
		Random random = new Random(20261122);
		String[] pieces = { "SELECT 1;", "CREATE TABLE t (id int);", "\u00e9", "\u4e2d", "\ud83d\ude00", " ", "\t", "\u00A0",
				"\u2003", "\u2028", "\n", "\r\n", "\r", "", "--", "x" };
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder();
			for (int n = random.nextInt(40); n > 0; n--) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			boolean transactional = random.nextBoolean();
			assertThat(RevisionFileParser.checksum(text.toString(), transactional))
				.as("checksum of %s", text.toString().replace("\r", "\\r").replace("\n", "\\n"))
				.isEqualTo(documentedChecksum(text.toString(), transactional));
		}
	}

	/** The checksum as its Javadoc defines it, computed the plain way with the JDK's SHA-256. */
	private static String documentedChecksum(String upgrade, boolean transactional) throws NoSuchAlgorithmException {
		List<String> lines = new ArrayList<>(List.of(upgrade.split("\r\n|\r|\n", -1)));
		if (!upgrade.isEmpty() && (upgrade.endsWith("\n") || upgrade.endsWith("\r"))) {
			lines.remove(lines.size() - 1);
		}
		lines.replaceAll(String::stripTrailing);
		while (!lines.isEmpty() && lines.get(0).isEmpty()) {
			lines.remove(0);
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update(("transactional=" + transactional + "\n").getBytes(StandardCharsets.UTF_8));
		digest.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	@Test
	void javaRevisionBecomesARevision() {
		SampleJavaRevision java = new SampleJavaRevision("7c3e5a1b9d2f", List.of("3f2a9c1b7d4e"));
		Revision revision = RevisionFileParser.fromJava(java);
		assertThat(revision.id()).isEqualTo("7c3e5a1b9d2f");
		assertThat(revision.downRevisions()).containsExactly("3f2a9c1b7d4e");
		assertThat(revision.dependsOn()).containsExactly("abc123def456");
		assertThat(revision.branchLabels()).containsExactly("data");
		assertThat(revision.message()).isEqualTo("backfill bulletin status");
		assertThat(revision.transactional()).isFalse();
		assertThat(revision.checksum()).isEqualTo("v2");
		assertThat(revision.source()).isEqualTo("class " + SampleJavaRevision.class.getName());
		assertThat(revision.body()).isEqualTo(new JavaBody(java));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
			7c3e-5a1b | 3f2a9c1b7d4e | revision id '7c3e-5a1b' is invalid
			head      | 3f2a9c1b7d4e | revision id 'head' is reserved
			null      | 3f2a9c1b7d4e | revision() returned null
			7c3e5a1b  | none         | downRevisions() contains none; return an empty list for a root revision
			7c3e5a1b  | 3f2a.9c      | down revision id '3f2a.9c' is invalid
			7c3e5a1b  | 7c3e5a1b     | revision 7c3e5a1b names itself as down revision
			""")
	void invalidJavaRevisionIsAnErrorNamingTheClass(String id, String down, String message) {
		SampleJavaRevision java = new SampleJavaRevision(id, List.of(down));
		RevisionFileException error = thrown(RevisionFileException.class, () -> RevisionFileParser.fromJava(java));
		assertThat(error.source()).isEqualTo("class " + SampleJavaRevision.class.getName());
		assertThat(error).hasMessageStartingWith("class " + SampleJavaRevision.class.getName() + ": ")
			.hasMessageContaining(message);
	}

	@Test
	void javaRevisionReturningNullListIsAnError() {
		SampleJavaRevision java = new SampleJavaRevision("7c3e5a1b", null);
		assertThat(thrown(RevisionFileException.class, () -> RevisionFileParser.fromJava(java)))
			.hasMessageContaining("downRevisions() returned null; return List.of() for none");
	}

	static final class SampleJavaRevision implements JavaRevision {

		private final String id;

		private final List<String> down;

		SampleJavaRevision(String id, List<String> down) {
			this.id = id;
			this.down = down;
		}

		@Override
		public String revision() {
			return this.id;
		}

		@Override
		public List<String> downRevisions() {
			return this.down;
		}

		@Override
		public String message() {
			return "backfill bulletin status";
		}

		@Override
		public List<String> dependsOn() {
			return List.of("abc123def456");
		}

		@Override
		public List<String> branchLabels() {
			return List.of("data");
		}

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public String checksum() {
			return "v2";
		}

		@Override
		public void upgrade(Connection connection) {
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

}
