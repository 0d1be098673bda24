package dev.migrations.lint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link dev.migrations.Migrations#lint(LintOptions)} checks and how strictly. Immutable: each
 * method returns a changed copy.
 * <pre>
 * LintOptions.defaults()
 *     .severity("missing-lock-timeout", Severity.ERROR)
 *     .disable("drop-column")
 *     .rowThresholds(10_000, 1_000_000)
 * </pre>
 */
public final class LintOptions {

	/** Below this many rows a size-dependent finding is only {@link Severity#INFO}. */
	public static final long DEFAULT_INFO_BELOW_ROWS = 10_000;

	/** From this many rows a size-dependent finding is an {@link Severity#ERROR}. */
	public static final long DEFAULT_ERROR_FROM_ROWS = 1_000_000;

	/** Which revisions are reported on. */
	public enum Scope {

		/** The pending revisions when a database is configured, every revision otherwise. */
		DEFAULT,

		/** Every revision. */
		ALL,

		/** The revisions the next {@code upgrade heads} would apply (needs the database). */
		PENDING,

		/** The revisions named with {@link #revisions(String...)}. */
		NAMED

	}

	private final Scope scope;

	private final List<String> revisions;

	private final Map<Rule, Severity> severities;

	private final Set<Rule> disabled;

	private final long infoBelowRows;

	private final long errorFromRows;

	private final boolean useDatabase;

	private LintOptions(Scope scope, List<String> revisions, Map<Rule, Severity> severities, Set<Rule> disabled,
			long infoBelowRows, long errorFromRows, boolean useDatabase) {
		this.scope = scope;
		this.revisions = List.copyOf(revisions);
		this.severities = severities.isEmpty() ? Map.of() : new EnumMap<>(severities);
		this.disabled = disabled.isEmpty() ? Set.of() : EnumSet.copyOf(disabled);
		this.infoBelowRows = infoBelowRows;
		this.errorFromRows = errorFromRows;
		this.useDatabase = useDatabase;
	}

	/** Every rule at its default severity; pending revisions with a database, all without; table sizes read when there is a database. */
	public static LintOptions defaults() {
		return new LintOptions(Scope.DEFAULT, List.of(), Map.of(), Set.of(), DEFAULT_INFO_BELOW_ROWS,
				DEFAULT_ERROR_FROM_ROWS, true);
	}

	/** Reports on every revision, applied or not. */
	public LintOptions allRevisions() {
		return new LintOptions(Scope.ALL, List.of(), this.severities, this.disabled, this.infoBelowRows,
				this.errorFromRows, this.useDatabase);
	}

	/** Reports on the pending revisions only (the database must be configured). */
	public LintOptions pendingRevisions() {
		return new LintOptions(Scope.PENDING, List.of(), this.severities, this.disabled, this.infoBelowRows,
				this.errorFromRows, this.useDatabase);
	}

	/** Reports on these revisions only (ids or unique prefixes), e.g. the one {@code db migrate} just wrote. */
	public LintOptions revisions(String... revisions) {
		return revisions(List.of(revisions));
	}

	public LintOptions revisions(List<String> revisions) {
		return new LintOptions(Scope.NAMED, revisions, this.severities, this.disabled, this.infoBelowRows,
				this.errorFromRows, this.useDatabase);
	}

	/**
	 * Changes a rule's severity.
	 * @param ruleId e.g. {@code missing-lock-timeout}
	 * @throws IllegalArgumentException for an unknown rule, naming the known ones
	 */
	public LintOptions severity(String ruleId, Severity severity) {
		return severity(Rule.of(ruleId), severity);
	}

	public LintOptions severity(Rule rule, Severity severity) {
		Map<Rule, Severity> changed = new EnumMap<>(Rule.class);
		changed.putAll(this.severities);
		changed.put(rule, Objects.requireNonNull(severity, "severity"));
		return new LintOptions(this.scope, this.revisions, changed, this.disabled, this.infoBelowRows, this.errorFromRows,
				this.useDatabase);
	}

	/**
	 * Turns a rule off for every revision (a single revision turns one off with a
	 * {@code -- lint: disable=<rule> <reason>} comment).
	 */
	public LintOptions disable(String ruleId) {
		return disable(Rule.of(ruleId));
	}

	public LintOptions disable(Rule rule) {
		Set<Rule> changed = EnumSet.noneOf(Rule.class);
		changed.addAll(this.disabled);
		changed.add(rule);
		return new LintOptions(this.scope, this.revisions, this.severities, changed, this.infoBelowRows,
				this.errorFromRows, this.useDatabase);
	}

	/**
	 * How table sizes change the severity of size-dependent rules: below {@code infoBelowRows} rows a
	 * finding is {@link Severity#INFO} (a lock held for milliseconds), from {@code errorFromRows} rows
	 * an {@link Severity#ERROR}; in between, the rule's severity.
	 */
	public LintOptions rowThresholds(long infoBelowRows, long errorFromRows) {
		if (infoBelowRows < 0 || errorFromRows < infoBelowRows) {
			throw new IllegalArgumentException("Row thresholds need 0 <= infoBelowRows <= errorFromRows, got "
					+ infoBelowRows + " and " + errorFromRows + ".");
		}
		return new LintOptions(this.scope, this.revisions, this.severities, this.disabled, infoBelowRows, errorFromRows,
				this.useDatabase);
	}

	/**
	 * Whether lint reads the configured database (table sizes, the session's {@code lock_timeout} and
	 * time zone, function volatility, which revisions are pending); default {@code true}.
	 */
	public LintOptions useDatabase(boolean useDatabase) {
		return new LintOptions(this.scope, this.revisions, this.severities, this.disabled, this.infoBelowRows,
				this.errorFromRows, useDatabase);
	}

	public Scope scope() {
		return this.scope;
	}

	public List<String> revisions() {
		return this.revisions;
	}

	/** The severity a rule's findings start from: the configured one, else the rule's default. */
	public Severity severity(Rule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

	public boolean isDisabled(Rule rule) {
		return this.disabled.contains(rule);
	}

	public long infoBelowRows() {
		return this.infoBelowRows;
	}

	public long errorFromRows() {
		return this.errorFromRows;
	}

	public boolean useDatabase() {
		return this.useDatabase;
	}

}
