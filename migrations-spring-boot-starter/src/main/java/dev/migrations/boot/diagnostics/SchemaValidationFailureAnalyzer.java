package dev.migrations.boot.diagnostics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.boot.DatabaseAheadOfTheCode;
import dev.migrations.boot.MigrationsInitializer;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Hibernate's schema validation ({@code spring.jpa.hibernate.ddl-auto=validate}) found that an
 * entity is ahead of the database: a field or entity was added or changed and no revision makes the
 * change yet, or the startup upgrade was turned off. Or the database is ahead of this code: a newer
 * release's revisions, applied during a rolling deploy or before a roll-back of the code, dropped or
 * changed what this release maps. Hibernate is matched by class name, so the starter works without it.
 */
class SchemaValidationFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	/**
	 * @param environment the application's (Spring Boot passes it), to tell whether the startup was to upgrade;
	 * {@code null} when unknown
	 */
	SchemaValidationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	private static final String SCHEMA_MANAGEMENT_EXCEPTION = "org.hibernate.tool.schema.spi.SchemaManagementException";

	private static final Pattern MISSING_COLUMN = Pattern.compile("missing column \\[([^\\]]+)\\] in table \\[([^\\]]+)\\]");

	private static final Pattern MISSING_TABLE = Pattern.compile("missing table \\[([^\\]]+)\\]");

	private static final Pattern MISSING_SEQUENCE = Pattern.compile("missing sequence \\[([^\\]]+)\\]");

	private static final Pattern WRONG_TYPE = Pattern.compile(
			"wrong column type encountered in column \\[([^\\]]+)\\] in table \\[([^\\]]+)\\]; found \\[([^\\]]+)\\], but expecting \\[([^\\]]+)\\]");

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().equals(SCHEMA_MANAGEMENT_EXCEPTION) && cause.getMessage() != null) {
				Difference difference = difference(cause.getMessage());
				if (difference == null) {
					return null;
				}
				DatabaseAheadOfTheCode ahead = (this.environment != null) ? DatabaseAheadOfTheCode.of(this.environment)
						: null;
				return (ahead != null) ? aheadAnalysis(difference, cause, ahead)
						: analysis(difference, cause, upgradeTurnedOff());
			}
		}
		return null;
	}

	private static Difference difference(String message) {
		Matcher matcher = MISSING_COLUMN.matcher(message);
		if (matcher.find()) {
			String table = unqualified(matcher.group(2));
			return new Difference("the entities map column " + table + "." + matcher.group(1)
					+ ", which the database does not have", "add " + matcher.group(1) + " to " + table);
		}
		matcher = WRONG_TYPE.matcher(message);
		if (matcher.find()) {
			String table = unqualified(matcher.group(2));
			return new Difference("column " + table + "." + matcher.group(1) + " is " + matcher.group(3)
					+ " in the database, but the entities expect " + matcher.group(4),
					"change type of " + table + "." + matcher.group(1));
		}
		matcher = MISSING_TABLE.matcher(message);
		if (matcher.find()) {
			String table = unqualified(matcher.group(1));
			return new Difference("the entities map table " + table + ", which the database does not have",
					"create " + table);
		}
		matcher = MISSING_SEQUENCE.matcher(message);
		if (matcher.find()) {
			String sequence = unqualified(matcher.group(1));
			return new Difference("the entities use sequence " + sequence + ", which the database does not have",
					"create sequence " + sequence);
		}
		return null;
	}

	private static String unqualified(String name) {
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? name.substring(dot + 1) : name;
	}

	/**
	 * Why the startup did not upgrade the database, as the first sentence of the action, or {@code null} when
	 * it was to upgrade.
	 */
	private String upgradeTurnedOff() {
		if (MigrationsInitializer.isTrainingRun()) {
			return "This is a training run (spring.context.exit=onRefresh), in which the startup upgrade does not run, so"
					+ " the database was not upgraded: set spring.jpa.hibernate.ddl-auto=none for the training run (with"
					+ " spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false it needs no database at"
					+ " all), or run `db upgrade` before it.";
		}
		if (this.environment == null) {
			return null;
		}
		if (!this.environment.getProperty("migrations.enabled", Boolean.class, true)) {
			return "migrations.enabled=false turned migrations off, so the startup did not upgrade the database: remove it"
					+ " (or set it to true) to let the startup apply the pending revisions, or set"
					+ " spring.jpa.hibernate.ddl-auto=none where another process upgrades this database.";
		}
		if (!this.environment.getProperty("migrations.upgrade-on-startup", Boolean.class, true)) {
			return "migrations.upgrade-on-startup=false turned the startup upgrade off, so the startup did not upgrade the"
					+ " database: run `db upgrade` (or the job that upgrades it) before starting the application.";
		}
		return null;
	}

	private static FailureAnalysis analysis(Difference difference, Throwable cause, String upgradeTurnedOff) {
		String description = "The application did not start: Hibernate's schema validation (spring.jpa.hibernate.ddl-auto"
				+ "=validate) found that " + difference.what() + ". An entity changed and no applied revision makes that"
				+ " change yet.\n\n" + cause.getMessage();
		String action = ((upgradeTurnedOff != null) ? upgradeTurnedOff + "\n\n" : "")
				+ "If a revision already makes this change, it was not applied: `db current` lists what is pending,"
				+ " `db upgrade` applies it (the startup does, unless migrations.upgrade-on-startup=false or"
				+ " migrations.target stops short of it). Otherwise write a revision for the change, review it, and"
				+ " apply it:\n\n"
				+ "    db migrate -m \"" + difference.message() + "\"     (PostgreSQL: generated from the entities)\n"
				+ "    db revision -m \"" + difference.message() + "\"    (MariaDB, H2: an empty revision to fill in)\n"
				+ "    db upgrade\n\n"
				+ "On PostgreSQL, `db check` lists every difference between the entities and the database.";
		return new FailureAnalysis(description, action, cause);
	}

	/**
	 * The startup found the database ahead of this code and started without upgrading: what differs is the
	 * newer release's doing, and a revision written for it here would undo that release's change.
	 */
	private static FailureAnalysis aheadAnalysis(Difference difference, Throwable cause, DatabaseAheadOfTheCode ahead) {
		List<String> unknown = ahead.unknown();
		boolean one = unknown.size() == 1;
		String revisions = String.join(", ", unknown);
		String known = ahead.known().isEmpty() ? "base" : String.join(",", ahead.known());
		String description = "The application did not start: Hibernate's schema validation (spring.jpa.hibernate.ddl-auto"
				+ "=validate) found that " + difference.what() + ". The database is ahead of this code: revision"
				+ (one ? " " : "s ") + revisions + ", which this release does not have, " + (one ? "was" : "were")
				+ " applied by a newer release and changed what this release's entities map." + modified(ahead) + "\n\n"
				+ cause.getMessage();
		String action = "Do not write a revision for this difference in this release: it would undo the newer"
				+ " release's change. Deploy the newer release (the one that has " + revisions + "), or, to go back to"
				+ " this one, first downgrade the database with the newer release's application, to " + known
				+ ", the newest revision of this release:\n\n"
				+ "    java -jar <the newer release>.jar db downgrade " + known + "\n\n"
				+ "(what those revisions dropped, the downgrade creates again without its data). To keep the previous"
				+ " release running while a new one is deployed, drop or change what the previous release maps only"
				+ " in a later release, once no instance of the previous one runs (expand, then contract); `db lint`"
				+ " flags such revisions.";
		return new FailureAnalysis(description, action, cause);
	}

	/** The revisions of this release edited after they ran, which may be the difference as well: a sentence, or empty. */
	private static String modified(DatabaseAheadOfTheCode ahead) {
		List<String> modified = ahead.modified();
		if (modified.isEmpty()) {
			return "";
		}
		boolean one = modified.size() == 1;
		return " But " + (one ? "revision " : "revisions ") + String.join(", ", modified) + " of this release " + (one ? "was"
				: "were") + " also changed after " + (one ? "it was" : "they were") + " applied (migrations.validate-checksums"
				+ "=false let the startup go on): the database has what " + (one ? "it" : "they") + " did when " + (one ? "it"
						: "they") + " ran, not what " + (one ? "its file now says" : "their files now say") + ", which may be"
				+ " this difference: restore the applied content (e.g. `git checkout` the file) and put the change in a new"
				+ " revision.";
	}

	/** What differs, and a revision message for it. */
	private record Difference(String what, String message) {

	}

}
