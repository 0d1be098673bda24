package dev.migrations;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text from revision files and the database, as a terminal is given it: what would act on the terminal is shown. */
class TerminalTextTest {

	@Test
	void escapeSequencesBellCarriageReturnsAndBidiOverridesAreShownEscaped() {
		assertThat(TerminalText.escape("red \u001b[31mRED\u001b[0m title \u001b]0;pwned\u0007 done"))
			.isEqualTo("red \\u001b[31mRED\\u001b[0m title \\u001b]0;pwned\\u0007 done");
		assertThat(TerminalText.escape("ok\rforged")).isEqualTo("ok\\u000dforged");
		assertThat(TerminalText.escape("admin\u202Egpj.exe")).isEqualTo("admin\\u202egpj.exe");
		assertThat(TerminalText.escape("nul\u0000 csi\u009b del\u007f")).isEqualTo("nul\\u0000 csi\\u009b del\\u007f");
		// lines, tabs, quotes, backslashes, markup and other scripts are text
		String text = "line 1\r\nline\t2\n\"q\" back\\slash </script> café 東京";
		assertThat(TerminalText.escape(text)).isSameAs(text);
		assertThat(TerminalText.escape(null)).isNull();
	}

	@Test
	void theMarksOfRightToLeftTextAreText() {
		// Hebrew and Arabic text places its punctuation with the right-to-left and left-to-right marks (and Arabic's
		// letter mark): they reorder nothing around them, unlike the embeddings, overrides and isolates
		String hebrew = "\u05d4\u05d5\u05e1\u05e3 \u05e1\u05d8\u05d8\u05d5\u05e1!\u200f (status) \u200e \u0627\u0644\u062d\u0627\u0644\u0629\u061c";
		assertThat(TerminalText.escape(hebrew)).isSameAs(hebrew);
		assertThat(TerminalText.escapeLine(hebrew)).isSameAs(hebrew);
		StringWriter written = new StringWriter();
		PrintWriter out = new PrintWriter(TerminalText.escaping(written));
		out.print(hebrew + " \u2067x\u2069");
		out.flush();
		assertThat(written.toString()).isEqualTo(hebrew + " \\u2067x\\u2069");
	}

	@Test
	void aTextShownAsOneLineCannotStartAnother() {
		assertThat(TerminalText.escapeLine("seed\r\n2026-12-05 INFO forged\u2028\u001b[0m"))
			.isEqualTo("seed\\u000d\\u000a2026-12-05 INFO forged\\u2028\\u001b[0m");
		assertThat(TerminalText.escapeLine("add status to bulletin")).isEqualTo("add status to bulletin");
	}

	@Test
	void theEscapingWriterEscapesAsTextIsWrittenAndKeepsLineEnds() {
		StringWriter written = new StringWriter();
		PrintWriter out = new PrintWriter(TerminalText.escaping(written));
		out.print("a\u001b[2Jb\r");
		out.print("\nc\r");
		out.print("d");
		out.println("\u202e");
		out.print("e\r");
		out.flush();
		assertThat(written.toString()).isEqualTo("a\\u001b[2Jb\r\nc\\u000dd\\u202e" + System.lineSeparator() + "e\\u000d");
	}

}
