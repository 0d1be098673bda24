package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.migrations.boot.UnknownMigrationsProperties;

/**
 * The names a mistyped one was most likely meant to be, for "did you mean": every name it is the start of
 * ({@code hist} for {@code history}, {@code re} for {@code rehearse} and {@code revision}), else those a
 * few typos away, by edit distance (a swap of two neighbours counting as one). Only ever suggested: what is
 * typed runs as typed, or not at all.
 */
final class NearestNames {

	private static final int MAX_SUGGESTED = 3;

	private NearestNames() {
	}

	/**
	 * @param typed the name as typed
	 * @param names the names there are
	 * @return the nearest names, in the order given; empty when none is near
	 */
	static List<String> of(String typed, Collection<String> names) {
		String wanted = typed.toLowerCase(Locale.ROOT);
		List<String> nearest = new ArrayList<>();
		if (wanted.length() >= 2) {
			for (String name : names) {
				if (name.startsWith(wanted)) {
					nearest.add(name);
				}
			}
		}
		if (!nearest.isEmpty()) {
			return (nearest.size() <= MAX_SUGGESTED) ? nearest : List.of();
		}
		int best = allowedEdits(wanted);
		for (String name : names) {
			int distance = UnknownMigrationsProperties.distance(wanted, name);
			// a typo or two, not a different word: never more than half of the name changed
			if (distance > best || distance * 2 > name.length()) {
				continue;
			}
			if (distance < best) {
				best = distance;
				nearest.clear();
			}
			nearest.add(name);
		}
		return (nearest.size() <= MAX_SUGGESTED) ? nearest : List.of();
	}

	/** How many edits a typo of a name this long may have: one in a short word, two, then three in a long one. */
	private static int allowedEdits(String typed) {
		return (typed.length() <= 3) ? 1 : (typed.length() <= 8) ? 2 : 3;
	}

	/** {@code `a`}, {@code `a` or `b`}, {@code `a`, `b` or `c`}: the names quoted, for a sentence. */
	static String either(List<String> names, String quote) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			text.append((i == 0) ? "" : (i == names.size() - 1) ? " or " : ", ").append(quote).append(names.get(i)).append(quote);
		}
		return text.toString();
	}

}
