package dev.migrations.revision;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of {@link Target}. */
final class TargetSyntax {

	private TargetSyntax() {
	}

	/**
	 * The patterns of the forms other than {@code head}, {@code heads} and {@code base}, compiled when one
	 * is first parsed: an application starting up upgrades to {@code head}, and compiling them cost it
	 * about a millisecond of a fresh JVM's time.
	 */
	private static final class Patterns {

		static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

		static final Pattern RELATIVE = Pattern.compile("([A-Za-z0-9_]*)([+-])(\\d+)");

		static final Pattern BRANCH = Pattern.compile("([A-Za-z0-9_-]+)@([A-Za-z0-9_]+)");

	}

	static Target parse(String text) {
		Objects.requireNonNull(text, "text");
		String target = text.strip();
		switch (target.toLowerCase(Locale.ROOT)) {
			case "head":
				return new Target.Head();
			case "heads":
				return new Target.Heads();
			case "base":
				return new Target.Base();
			default:
				break;
		}
		Matcher matcher = Patterns.RELATIVE.matcher(target);
		if (matcher.matches()) {
			String id = matcher.group(1);
			if (id.equalsIgnoreCase("base") || id.equalsIgnoreCase("head") || id.equalsIgnoreCase("heads")) {
				// a keyword is not a revision to count from
				throw new TargetException("'" + target + "' is not a target: steps are counted from where the database"
						+ " is (+1, -1) or from a revision (<revision>+1, <revision>-1), not from " + id.toLowerCase(Locale.ROOT)
						+ "; e.g. `db upgrade +1` from base, `db downgrade -1` from the head");
			}
			int steps = steps(matcher.group(2), matcher.group(3), target);
			return id.isEmpty() ? new Target.Relative(steps) : new Target.RelativeTo(id, steps);
		}
		if (Patterns.ID.matcher(target).matches()) {
			return new Target.Id(target);
		}
		matcher = Patterns.BRANCH.matcher(target);
		if (matcher.matches()) {
			if (matcher.group(2).equalsIgnoreCase("base")) {
				return new Target.BranchBase(matcher.group(1));
			}
			if (!matcher.group(2).equalsIgnoreCase("head")) {
				throw new TargetException("'" + target + "' is not a target: after a branch label only @head and @base are"
						+ " supported (" + matcher.group(1) + "@head, " + matcher.group(1) + "@base)");
			}
			return new Target.BranchHead(matcher.group(1));
		}
		int colon = target.indexOf(':');
		if (colon > 0 && colon < target.length() - 1 && target.indexOf(':', colon + 1) < 0) {
			// Alembic's range, which only a script of the SQL (offline mode) takes
			throw new TargetException("'" + target + "' is a range (FROM:TO), which only a script takes (--sql): to apply"
					+ " or record it give the one target, e.g. " + target.substring(colon + 1));
		}
		throw new TargetException("'" + target + "' is not a target; use head, heads, base, a revision id or a"
				+ " prefix of one, label@head, label@base, +N, -N, or <revision>+N / <revision>-N");
	}

	private static int steps(String sign, String digits, String text) {
		int steps;
		try {
			steps = Integer.parseInt(digits);
		}
		catch (NumberFormatException ex) {
			throw new TargetException("'" + text + "': " + digits + " is more steps than any graph has");
		}
		if (steps == 0) {
			throw new TargetException("'" + text + "' moves 0 steps; give a number of revisions of 1 or more");
		}
		return sign.equals("-") ? -steps : steps;
	}

}
