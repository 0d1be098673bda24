package dev.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and editing revision files as a developer does between two commands. */
final class RevisionFiles {

	private RevisionFiles() {
	}

	/** The revision files in a directory. */
	static Set<Path> list(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return Set.copyOf(files.filter((file) -> file.toString().endsWith(".sql")).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The one revision file that appeared in {@code directory} since {@code before} was listed. */
	static Path added(Path directory, Set<Path> before) {
		List<Path> added = list(directory).stream().filter((file) -> !before.contains(file)).toList();
		assertThat(added).as("new revision files in " + directory).hasSize(1);
		return added.get(0);
	}

	/** The revision id a file is named after. */
	static String idOf(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.indexOf('_'));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of the {@code -- upgrade} or {@code -- downgrade} section, without its marker line. */
	static String section(String text, String name) {
		String marker = "-- " + name + "\n";
		int start = text.indexOf(marker);
		assertThat(start).as("section " + name + " in\n" + text).isNotNegative();
		start += marker.length();
		int end = name.equals("upgrade") ? text.indexOf("-- downgrade\n", start) : text.length();
		return text.substring(start, end);
	}

	/** The SQL statements of a section, each on one line, without comments. */
	static List<String> statements(String text, String section) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : section(text, section).lines().toList()) {
			if (line.isBlank() || line.startsWith("--")) {
				continue;
			}
			current.append(current.isEmpty() ? "" : " ").append(line.strip());
			if (line.strip().endsWith(";")) {
				statements.add(current.toString());
				current.setLength(0);
			}
		}
		assertThat(current.toString()).as("text after the last statement of " + section).isEmpty();
		return statements;
	}

	/**
	 * A statement as {@link #statements} gives it, with the column definitions of a {@code CREATE TABLE}
	 * sorted: the order Hibernate gives a new table's columns depends on its release (by type size in 7.x),
	 * so revisions written by earlier releases list the same columns in another order.
	 */
	static String columnsSorted(String statement) {
		String prefix = "CREATE TABLE ";
		int open = statement.indexOf(" ( ");
		if (!statement.startsWith(prefix) || open < 0 || !statement.endsWith(" );")) {
			return statement;
		}
		List<String> items = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = open + 3;
		String body = statement.substring(0, statement.length() - 3);
		for (int i = start; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				items.add(body.substring(start, i).strip());
				start = i + 1;
			}
		}
		items.add(body.substring(start).strip());
		List<String> columns = new ArrayList<>(items.stream().filter((item) -> !item.startsWith("CONSTRAINT ")).sorted().toList());
		columns.addAll(items.stream().filter((item) -> item.startsWith("CONSTRAINT ")).toList());
		return statement.substring(0, open + 3) + String.join(", ", columns) + " );";
	}

	/** The comment lines of a section. */
	static List<String> comments(String text, String section) {
		return section(text, section).lines().filter((line) -> line.startsWith("--")).toList();
	}

	/** Fills the empty sections of a revision written by {@code db revision}, as a developer would. */
	static void fill(Path file, String upgrade, String downgrade) {
		String text = read(file);
		assertThat(section(text, "upgrade")).as("upgrade section of a new revision").isBlank();
		assertThat(section(text, "downgrade")).as("downgrade section of a new revision").isBlank();
		String filled = text.replace("-- upgrade\n\n", "-- upgrade\n" + upgrade + "\n")
			.replace("-- downgrade\n\n", "-- downgrade\n" + downgrade + "\n");
		try {
			Files.writeString(file, filled);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The value of a header line such as {@code -- down_revision: ...}. */
	static String header(String text, String name) {
		return text.lines()
			.filter((line) -> line.startsWith("-- " + name + ": "))
			.map((line) -> line.substring(("-- " + name + ": ").length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no header " + name + " in\n" + text));
	}

}
