package dev.migrations.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.revision.Revision;

/**
 * Reads {@code -- lint: disable=<rule>[,<rule>...] <reason>} comments, which turn rules off for the
 * whole revision they are in. They may stand anywhere in the file's upgrade or downgrade section:
 * the checksum of an applied revision covers its upgrade section only, so a comment added to the
 * downgrade section leaves the revision unmodified.
 */
final class LintDirectives {

	private static final String PREFIX = "lint:";

	private static final String DISABLE = "disable=";

	private LintDirectives() {
	}

	/**
	 * A directive as read.
	 * @param line its line in the file
	 * @param rules the rules it turns off (the known ones)
	 * @param reason why, as written
	 * @param problem what is wrong with it, {@code null} when nothing is
	 */
	record Directive(int line, Set<Rule> rules, String reason, String problem) {
	}

	static List<Directive> read(Revision.SqlBody body) {
		List<Directive> directives = new ArrayList<>();
		read(body.upgrade(), body.upgradeLine(), directives);
		if (body.downgradeLine() > 0) {
			read(body.downgrade(), body.downgradeLine(), directives);
		}
		return directives;
	}

	private static void read(String section, int firstLine, List<Directive> directives) {
		if (!section.contains(PREFIX)) {
			return;
		}
		for (Token comment : SqlLexer.comments(section, firstLine)) {
			if (!comment.text().startsWith("--")) {
				continue;
			}
			String text = comment.text().substring(2).strip();
			if (text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
				directives.add(parse(text.substring(PREFIX.length()).strip(), comment.line()));
			}
		}
	}

	private static Directive parse(String text, int line) {
		if (!text.regionMatches(true, 0, DISABLE, 0, DISABLE.length())) {
			return new Directive(line, Set.of(), "", "`-- lint: " + text + "` is not a lint directive: the form is"
					+ " `-- lint: disable=<rule> <reason>`");
		}
		String rest = text.substring(DISABLE.length());
		int space = 0;
		while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
			space++;
		}
		String list = rest.substring(0, space);
		String reason = rest.substring(space).strip();
		Set<Rule> rules = EnumSet.noneOf(Rule.class);
		List<String> unknown = new ArrayList<>();
		for (String id : list.split(",")) {
			String trimmed = id.strip().toLowerCase(Locale.ROOT);
			if (trimmed.isEmpty()) {
				continue;
			}
			try {
				rules.add(Rule.of(trimmed));
			}
			catch (IllegalArgumentException ex) {
				unknown.add(trimmed);
			}
		}
		String problem = null;
		if (!unknown.isEmpty()) {
			problem = "`-- lint: disable=" + list + "` names " + (unknown.size() == 1 ? "an unknown rule" : "unknown rules")
					+ " (" + String.join(", ", unknown) + "); the rules are " + Rule.ids();
		}
		else if (rules.isEmpty()) {
			problem = "`-- lint: disable=` names no rule";
		}
		else if (reason.isEmpty()) {
			problem = "`-- lint: disable=" + list + "` gives no reason: say why the finding is acceptable here"
					+ " (the rule is turned off all the same)";
		}
		return new Directive(line, rules, reason.isEmpty() ? "(no reason given)" : reason, problem);
	}

}
