package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Spring Shell's TAB completion, which also completes an argument once its first characters are typed.
 * <p>
 * Spring Shell 4.0's completer finds the command by joining every word of the line, so it asks a
 * command's completion provider only while the argument being typed is still empty: {@code db downgrade
 * <TAB>} lists the revisions, {@code db downgrade 1a<TAB>} found no command named
 * {@code db downgrade 1a} and proposed nothing. When the line gives nothing, the same line with the
 * word being typed left empty is asked; JLine then keeps the proposals that start with what was typed.
 */
final class ArgumentCompleter extends CommandCompleter {

	ArgumentCompleter(CommandRegistry commandRegistry) {
		super(commandRegistry);
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		int before = candidates.size();
		super.complete(reader, line, candidates);
		List<String> words = line.words();
		int index = line.wordIndex();
		if (candidates.size() > before || index < 2 || index != words.size() - 1) {
			return;
		}
		String word = words.get(index);
		if (word.isEmpty() || word.startsWith("-")) {
			return;
		}
		super.complete(reader, withEmptyWord(line, index), candidates);
	}

	private static ParsedLine withEmptyWord(ParsedLine line, int index) {
		List<String> words = new ArrayList<>(line.words());
		words.set(index, "");
		String text = String.join(" ", words);
		return new ParsedLine() {

			@Override
			public String word() {
				return "";
			}

			@Override
			public int wordCursor() {
				return 0;
			}

			@Override
			public int wordIndex() {
				return index;
			}

			@Override
			public List<String> words() {
				return words;
			}

			@Override
			public String line() {
				return text;
			}

			@Override
			public int cursor() {
				return text.length();
			}

		};
	}

}
