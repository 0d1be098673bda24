package dev.migrations.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Arguments given as one property ({@code migrations.jvmArguments}, {@code migrations.arguments}) split as a shell
 * would: on spaces, except inside single or double quotes, which are removed ({@code -Dname='my app'} is one
 * argument, {@code -Dname=my app}).
 */
final class Words {

	private Words() {
	}

	/** The words; {@code null} when a quote is not closed. */
	static List<String> split(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (quote != 0) {
			return null;
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
