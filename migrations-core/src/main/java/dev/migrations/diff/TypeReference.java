package dev.migrations.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The type a column names, as far as enum types are concerned: {@code status}, {@code "Status"},
 * {@code status[]} and {@code app.status} (in schema {@code app}) all name the type {@code status}
 * (or {@code Status}).
 *
 * @param name the type name, unquoted and without its schema when that is the model's schema
 * @param array whether the column is an array of the type
 */
record TypeReference(String name, boolean array) {

	static TypeReference of(String type, String schema) {
		String text = type.trim();
		boolean array = false;
		while (text.endsWith("[]")) {
			text = text.substring(0, text.length() - 2).trim();
			array = true;
		}
		List<String> parts = split(text);
		String name;
		if (parts.size() == 2 && parts.get(0).equals(schema)) {
			name = parts.get(1);
		}
		else if (parts.size() == 1) {
			name = parts.get(0);
		}
		else {
			name = text;
		}
		return new TypeReference(name, array);
	}

	/** Splits on dots outside double quotes and unquotes each part. */
	private static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					part.append('"');
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else if (c == '.' && !quoted) {
				parts.add(part.toString());
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		parts.add(part.toString());
		return parts;
	}

}
