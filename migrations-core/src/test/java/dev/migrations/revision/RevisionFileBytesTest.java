package dev.migrations.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.revision.Revision.SqlBody;
import dev.migrations.sql.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A file read from its bytes gives the revision (body, lines, checksum) and the error that reading
 * its text gives, whichever of the two reads it.
 */
class RevisionFileBytesTest {

	private static final String SOURCE = "db/revisions/3f2a9c1b7d4e_add_index.sql";

	private static final String HEADERS = "-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- message: add index\n"
			+ "-- created: 2026-11-21T22:39:00Z\n\n";

	private static final String UPGRADE = "CREATE TABLE t (\n    id bigint PRIMARY KEY\n);\nCREATE INDEX ix_t ON t (id);\n";

	static List<String> files() {
		return List.of(
				// the common forms
				HEADERS + "-- upgrade\n" + UPGRADE + "\n-- downgrade\nDROP TABLE t;\n",
				HEADERS + "-- upgrade\n" + UPGRADE,
				HEADERS + "-- upgrade\n" + UPGRADE + "-- downgrade\nDROP TABLE t;",
				HEADERS + "-- upgrade\n",
				HEADERS + "-- upgrade",
				HEADERS + "-- upgrade\n-- downgrade\n",
				HEADERS + "-- upgrade\n\n  \n\t\n-- downgrade\n\n",
				HEADERS + "-- upgrade\n\n\nSELECT 1;   \n\t\n  SELECT 2;\t\n\n   \n-- downgrade\n  DROP TABLE t;  \n\n",
				HEADERS + "-- upgrade\n   \nSELECT 1;\n\nSELECT 2;\n  \n",
				HEADERS + "  --  UPGRADE  \n" + UPGRADE + "\t--Downgrade\t\n",
				"\n  \n-- Revision :  3f2a9c1b7d4e  \n-- DOWN_REVISION:none\n\t-- message:a: b  \n-- message2x: x\n-- upgrade\nSELECT 1;\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: 1a2b3c4d5e6f, 2b3c4d5e6f70\n-- depends_on: 0a0b0c0d0e0f\n"
						+ "-- branch_labels: feature-x, other_label\n-- transactional: FALSE\n-- message:\n-- upgrade\nSELECT 1;\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- replaces: 1a2b3c4d5e6f, 2b3c4d5e6f70\n-- upgrade\nSELECT 1;\n",
				HEADERS + "-- upgrade\n-- upgrade;\n-- downgrade please\n--\n-- \n-- down grade\nSELECT 1; -- downgrade\n",
				// section lines below characters that may open a quote
				HEADERS + "-- upgrade\nSELECT 'a\n-- downgrade\nb';\n-- downgrade\nSELECT 2;\n",
				HEADERS + "-- upgrade\nCREATE TABLE \"odd\n-- upgrade\nname\" (id int);\n/* x\n-- downgrade\n*/\n-- downgrade\nDROP TABLE \"odd\n-- upgrade\nname\";\n",
				HEADERS + "-- upgrade\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $b$\n-- downgrade\nSELECT 1\n$b$;\n-- downgrade\nDROP FUNCTION f;\n",
				HEADERS + "-- upgrade\nSELECT 1/2;\n-- downgrade\nSELECT `x`;\n-- upgrade\n",
				HEADERS + "-- upgrade\nSELECT 'unterminated\n-- downgrade\n",
				HEADERS + "-- upgrade\nSELECT 1;\n-- downgrade\nSELECT 'x';\n",
				// what the text's reading reads (and reports)
				HEADERS + "-- upgrade\nSELECT 1;\n-- upgrade\n",
				HEADERS + "-- upgrade\nSELECT 1;\n-- downgrade\nSELECT 2;\n--   DOWNGRADE\n",
				HEADERS + "-- downgrade\nSELECT 1;\n-- upgrade\nSELECT 2;\n",
				HEADERS + "SELECT 1;\n-- upgrade\n",
				HEADERS + "--\n-- upgrade\n",
				HEADERS + "-- down_revison: none\n-- upgrade\n",
				HEADERS + "-- upgrade: x\n-- upgrade\n",
				HEADERS + "-- message: again\n-- upgrade\n",
				HEADERS + "-- 1revision: x\n-- upgrade\n",
				HEADERS + "SELECT 1;\n",
				HEADERS,
				"",
				"-- down_revision: none\n-- upgrade\n",
				"-- revision:\n-- down_revision: none\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision:\n-- upgrade\n",
				"-- revision: 4f2a9c1b7d4e\n-- down_revision: none\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none, 1a2b3c4d5e6f\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: 3f2a9c1b7d4e\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: a,,b\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- transactional: maybe\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- created: yesterday\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- created: 2026-02-30T00:00:00Z\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- created: 2026-11-21T22:39:00+01:00\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: 1a2b3c4d5e6f\n-- replaces: 1a2b3c4d5e6f\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- branch_labels: a b\n-- upgrade\n",
				"-- revision: 3f2a9c1b7d4e\n-- down_revision: none\n-- depends_on: x-y\n-- upgrade\n",
				// not ASCII with LF endings: the text's reading
				HEADERS.replace("\n", "\r\n") + "-- upgrade\r\n" + UPGRADE.replace("\n", "\r\n") + "-- downgrade\r\nDROP TABLE t;\r\n",
				HEADERS.replace("\n", "\r") + "-- upgrade\r" + UPGRADE.replace("\n", "\r"),
				"\uFEFF" + HEADERS + "-- upgrade\n" + UPGRADE,
				HEADERS.replace("add index", "ajoute l'index répété") + "-- upgrade\nSELECT 'é';\n",
				HEADERS + "-- upgrade\nSELECT 1;\f\n\u000B\n-- downgrade\n",
				HEADERS + "-- upgrade\nSELECT 1;\u0001\n");
	}

	@ParameterizedTest
	@MethodSource("files")
	void readsAsTheTextIsRead(String content) {
		for (SqlSyntax syntax : SqlSyntax.values()) {
			byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
			Throwable expectedError = catchThrowable(() -> RevisionFileParser.parse(content, SOURCE, syntax));
			Throwable error = catchThrowable(() -> RevisionFileParser.parse(bytes, SOURCE, syntax));
			if (expectedError != null) {
				assertThat(error).isInstanceOf(expectedError.getClass()).hasMessage(expectedError.getMessage());
			}
			else {
				assertThat(error).isNull();
				assertThat(RevisionFileParser.parse(bytes, SOURCE, syntax))
					.isEqualTo(RevisionFileParser.parse(content, SOURCE, syntax));
			}
		}
	}

	@Test
	void readsTheCommonFormFromTheBytes() throws NoSuchAlgorithmException {
		String content = HEADERS + "-- upgrade\n\n" + UPGRADE.replace(";\n", ";  \n") + "\n-- downgrade\nDROP TABLE t;\n";
		Revision revision = RevisionFileBytes.parse(content.getBytes(StandardCharsets.UTF_8), SOURCE, SqlSyntax.POSTGRESQL);
		assertThat(revision).isNotNull();
		assertThat(revision.id()).isEqualTo("3f2a9c1b7d4e");
		assertThat(revision.message()).isEqualTo("add index");
		SqlBody body = (SqlBody) revision.body();
		assertThat(body.upgrade()).isEqualTo("\n" + UPGRADE.replace(";\n", ";  \n"));
		assertThat(body.upgradeLine()).isEqualTo(7);
		assertThat(body.downgrade()).isEqualTo("DROP TABLE t;");
		assertThat(body.downgradeLine()).isEqualTo(14);
		byte[] normalised = ("transactional=true\n" + UPGRADE.strip()).getBytes(StandardCharsets.UTF_8);
		assertThat(revision.checksum())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised)));
	}

	@Test
	void leavesOtherFormsToTheText() {
		for (String content : List.of(HEADERS + "-- upgrade\r\nSELECT 1;\r\n", HEADERS + "-- upgrade\nSELECT 'é';\n",
				HEADERS + "-- upgrade\nSELECT 1;\n-- upgrade\n", HEADERS + "-- mesage: typo\n-- upgrade\n")) {
			assertThat(RevisionFileBytes.parse(content.getBytes(StandardCharsets.UTF_8), SOURCE, SqlSyntax.POSTGRESQL))
				.as(content)
				.isNull();
		}
	}

}
