package dev.migrations.boot.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrations.MigrateOptions;
import dev.migrations.MigrateResult;
import dev.migrations.MigrateSqlResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionInfo;
import dev.migrations.autogenerate.Comparison;
import dev.migrations.baseline.ExistingSchema;
import dev.migrations.baseline.FailedOtherToolMigrationException;
import dev.migrations.baseline.NonEmptySchemaException;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.Difference;
import dev.migrations.diff.Operation;
import dev.migrations.diff.RenameMode;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionFileParser;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.RevisionOptions;
import dev.migrations.revision.UnknownAppliedRevisionException;
import dev.migrations.runner.AppliedRevision;
import dev.migrations.runner.CommandResult;
import dev.migrations.runner.Direction;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.runner.StepResult;
import dev.migrations.squash.SquashResult;

/**
 * The {@code db} commands: each reads its input, calls one method of {@link Migrations} and prints
 * what happened in a few lines, saying what to type next where there is a next step. Nothing here
 * depends on Spring Shell: command mode runs them with the starter alone.
 */
final class DbCommands {

	private static final String FORMAT_HELP = "text (default) or json: the field names of /actuator/migrations";

	private static final String TARGET_HELP = "head, heads, base, a revision id or unique prefix, +N / -N, <revision>+N / -N,"
			+ " label@head";

	private final Supplier<Migrations> migrations;

	private final ProgressPrinter progress;

	private final Function<String, String> environment;

	private final SafetyCommands safety;

	private boolean failOnDatabaseAhead;

	DbCommands(Supplier<Migrations> migrations, ProgressPrinter progress) {
		this(migrations, progress, System::getenv);
	}

	/**
	 * @param environment the environment variables ({@code EDITOR}, {@code VISUAL}) by name
	 */
	DbCommands(Supplier<Migrations> migrations, ProgressPrinter progress, Function<String, String> environment) {
		this(migrations, progress, environment, RehearsalConnections.APPLICATION_POOLS_KEPT);
	}

	/**
	 * @param environment the environment variables ({@code EDITOR}, {@code VISUAL}) by name
	 * @param connections how {@code db rehearse} reaches the database it copies, and which pools of this
	 * process it may empty for that
	 */
	DbCommands(Supplier<Migrations> migrations, ProgressPrinter progress, Function<String, String> environment,
			RehearsalConnections connections) {
		this.migrations = migrations;
		this.progress = progress;
		this.environment = environment;
		this.safety = new SafetyCommands(migrations, connections);
	}

	private Migrations migrations() {
		return this.migrations.get();
	}

	/**
	 * Whether {@code db upgrade} fails on a database ahead of this code even when every revision of this code is
	 * applied ({@code migrations.fail-on-database-ahead}); by default it has nothing to do, as the startup.
	 */
	void setFailOnDatabaseAhead(boolean failOnDatabaseAhead) {
		this.failOnDatabaseAhead = failOnDatabaseAhead;
	}

	private static DbCommand.Completion completion(boolean keywords, String valueOption) {
		return new DbCommand.Completion(keywords, valueOption);
	}

	DbCommand init() {
		return DbCommand.named("init")
			.description("Create the revisions directory")
			.action((invocation, console) -> {
				Migrations facade = migrations();
				boolean existed = Files.isDirectory(facade.outputDirectory());
				Path directory = facade.init();
				PrintWriter out = console.out();
				out.println(existed ? "Using the existing directory " + directory.toAbsolutePath().normalize()
						+ ", which has no revisions yet." : "Created " + directory.toAbsolutePath().normalize() + ".");
				out.println("Next: `db revision -m \"...\"` writes an empty revision, `db migrate -m \"...\"` generates one"
						+ " from the entities.");
				return Outcome.OK;
			});
	}

	DbCommand revision() {
		return DbCommand.named("revision")
			.description("Write an empty revision on top of the head")
			.usage("db revision -m MESSAGE [--head REVISION [--splice]] [--rev-id ID] [--branch-label LABEL]..."
					+ " [--depends-on REVISION]...")
			.option("message", 'm', "MESSAGE", "what the revision does, e.g. \"backfill status\"", true)
			.option("head", ' ', "REVISION", "the parent: a head (id or prefix), or base for a new root (default: the"
					+ " single head)", false)
			.flag("splice", "allow a --head that is not a head: the new revision starts a branch from it")
			.option("rev-id", ' ', "ID", "the new revision's id instead of a random one: 4 to 64 letters and digits", false)
			.repeatableOption("branch-label", "LABEL", "a branch label for the new revision, usable as LABEL@head (may be"
					+ " repeated)")
			.repeatableOption("depends-on", "REVISION", "a revision that must be applied first without being a parent (may"
					+ " be repeated)")
			.completion(completion(false, "head"))
			.action((invocation, console) -> {
				Migrations facade = migrations();
				RevisionOptions options = RevisionOptions.defaults()
					.withRevisionId(invocation.option("rev-id"))
					.withBranchLabels(invocation.options("branch-label"))
					.withDependsOn(invocation.options("depends-on"))
					.withSplice(invocation.flag("splice"));
				Path file = facade.revision(invocation.option("message"), invocation.option("head"), options);
				Revision written = facade.graph().find(idOf(file)).orElse(null);
				String parents = (written != null) ? parents(written.downRevisions()) : writtenParents(file);
				console.out().println("Wrote " + file + " (revision " + idOf(file) + " on top of " + parents + ").");
				console.out().println("Fill in its -- upgrade and -- downgrade sections, then run `db upgrade`.");
				warnIfNotRead(facade, file, console.out());
				return Outcome.OK;
			});
	}

	DbCommand merge() {
		return DbCommand.named("merge")
			.description("Write a merge revision joining heads")
			.usage("db merge -m MESSAGE [REVISION...]")
			.option("message", 'm', "MESSAGE", "what the merge is, e.g. \"merge heads\"", true)
			.arguments("REVISION", "the revisions to join, ids or prefixes (default: every head)")
			.completion(completion(false, null))
			.action((invocation, console) -> {
				Path file = migrations().merge(invocation.option("message"), invocation.arguments());
				Revision written = migrations().graph().find(idOf(file)).orElse(null);
				String parents = (written != null) ? String.join(", ", written.downRevisions()) : "?";
				console.out().println("Wrote " + file + " (merge revision " + idOf(file) + " joining " + parents + ").");
				warnIfNotRead(migrations(), file, console.out());
				return Outcome.OK;
			});
	}

	DbCommand squash() {
		return DbCommand.named("squash")
			.description("Write one revision standing for the history up to a revision (PostgreSQL)")
			.usage("db squash REVISION [-m MESSAGE]")
			.argument("REVISION", "the last revision to replace, id or unique prefix (head: the one head): it and"
					+ " every revision before it", true)
			.option("message", 'm', "MESSAGE", "the squash's message (default: \"squash of N revisions up to REVISION\")",
					false)
			.completion(completion(false, null))
			.action((invocation, console) -> {
				SquashResult result = migrations().squash(invocation.argument(0, null), invocation.option("message"));
				PrintWriter out = console.out();
				out.println("Wrote " + result.file() + " (revision " + result.revision() + ", replacing the "
						+ result.replaces().size() + " revisions up to " + result.point() + ": " + result.tables()
						+ " tables; checked against the schema they build).");
				out.println("New databases start from it; databases that recorded " + result.point() + " are at it; databases"
						+ " in the middle go on through the replaced files at their next `db upgrade`.");
				out.println("Keep the " + result.replacedSources().size() + " replaced files until every database shows "
						+ result.revision() + " or a later revision in `db current`; then they may be deleted.");
				return Outcome.OK;
			});
	}

	DbCommand migrate() {
		return DbCommand.named("migrate")
			.description("Generate a revision from the differences between the JPA entities and the database")
			.usage("db migrate -m MESSAGE [--rename OLD=NEW]... [--no-renames] [--online] [--sql]")
			.option("message", 'm', "MESSAGE", "what the revision does, e.g. \"add status to bulletin\"", true)
			.repeatableOption("rename", "OLD=NEW", "a rename to write as one: old_table=new_table,"
					+ " table.old_column=new_column or enum_type:OLD_LABEL=NEW_LABEL (may be repeated)")
			.flag("no-renames", "never guess renames: a dropped and an added column of the same shape stay a drop and an add")
			.flag("online", "write the online form: a chain of revisions that keep the tables usable (CONCURRENTLY, NOT VALID"
					+ " then VALIDATE, lock_timeout)")
			.flag("sql", "print the revision(s) that would be written, and write nothing")
			.action(this::runMigrate);
	}

	private Outcome runMigrate(DbCommand.Invocation invocation, CommandConsole console) {
		Migrations facade = migrations();
		PrintWriter out = console.out();
		DiffOptions options = DiffOptions.defaults().withRenames(renames(invocation.options("rename")));
		if (invocation.flag("no-renames")) {
			options = options.withRenameMode(RenameMode.DROP_AND_ADD);
		}
		else {
			List<DiffOptions.Rename> confirmed = askAboutProbableRenames(facade, options, console);
			if (confirmed != null) {
				options = options.withRenameMode(RenameMode.DROP_AND_ADD);
				for (DiffOptions.Rename rename : confirmed) {
					options = options.withRename(rename);
				}
			}
		}
		if (invocation.flag("sql")) {
			return printMigrateSql(facade, invocation, options, console);
		}
		boolean online = invocation.flag("online") || (facade.migrateOptions() != null && facade.migrateOptions().online());
		MigrateResult result = invocation.flag("online")
				? facade.migrate(invocation.option("message"), options, MigrateOptions.onlineForm())
				: facade.migrate(invocation.option("message"), options);
		if (!result.written()) {
			out.println("No changes: the entities match the database, so no revision was written.");
			printWarnings(out, result.warnings());
			return Outcome.OK;
		}
		if (online) {
			printOnline(facade, result, out);
			this.safety.printFindings(result, out);
			return Outcome.OK;
		}
		boolean parts = false;
		boolean labelsApart = false;
		for (Path earlier : result.files().subList(0, result.files().size() - 1)) {
			String id = idOf(earlier);
			String message = facade.graph().find(id).map(Revision::message).orElse("");
			boolean labels = message.endsWith(" (enum labels)");
			parts |= !labels;
			labelsApart |= labels;
			out.println("Wrote " + earlier + " (revision " + id + ": "
					+ (labels ? "the new enum labels, applied first in a revision of their own" : message) + ")"
					+ (labels ? ":" : ""));
			if (labels) {
				result.operations().stream().filter(Operation::changesEnumLabelsInPlace)
					.forEach((operation) -> out.println("  " + operation.describe()));
			}
		}
		out.println("Wrote " + result.file() + " (revision " + result.revision() + "):");
		boolean guessed = false;
		for (Operation operation : result.operations()) {
			if (labelsApart && operation.changesEnumLabelsInPlace()) {
				continue;
			}
			boolean probable = isProbableRename(operation);
			guessed |= probable;
			out.println("  " + operation.describe() + (probable ? " (probable rename)" : ""));
		}
		printWarnings(out, result.warnings());
		if (guessed) {
			out.println("Probable renames are written as renames, with the drop and add they replace in a comment. Pass"
					+ " --no-renames to write drops and adds instead, or run `db migrate` in the shell to be asked.");
		}
		if (parts) {
			out.println("The change takes more locks than one transaction should hold on this server: it is cut into"
					+ " revisions that `db upgrade` applies in this order, each with the downgrade of its own part.");
			out.println("Review the files, then apply them with `db upgrade`.");
		}
		else {
			out.println("Review the file, then apply it with `db upgrade`.");
		}
		warnIfNotRead(facade, result.file(), out);
		this.safety.printFindings(result, out);
		return Outcome.OK;
	}

	/**
	 * {@code db migrate --sql}: the revisions it would write, nothing written. Standard output is SQL alone
	 * ({@code db migrate --sql > new.sql}): when there is nothing to print, saying so goes to standard error, and so
	 * do the warnings the script does not carry as {@code -- WARNING:} comments (another schema, a collation).
	 */
	private static Outcome printMigrateSql(Migrations facade, DbCommand.Invocation invocation, DiffOptions options,
			CommandConsole console) {
		PrintWriter out = console.out();
		MigrateOptions migrateOptions = invocation.flag("online") ? MigrateOptions.onlineForm() : facade.migrateOptions();
		MigrateSqlResult result = facade.migrateSqlResult(invocation.option("message"), options, migrateOptions);
		Map<Path, String> texts = result.revisions();
		if (texts.isEmpty()) {
			console.err().println("No changes: the entities match the database, so there is no revision to print.");
		}
		// the warnings the script does not carry as comments, where they do not mix with it
		printWarnings(console.err(), result.warnings());
		if (texts.isEmpty()) {
			return Outcome.OK;
		}
		for (Map.Entry<Path, String> revision : texts.entrySet()) {
			out.println("-- " + revision.getKey() + " (not written)");
			out.print(withNewline(revision.getValue()));
			out.println();
		}
		out.println("-- Nothing was written: run the same command without --sql to write "
				+ (texts.size() == 1 ? "this revision." : "these revisions."));
		return Outcome.OK;
	}

	/** The online form's chain: every file, in the order the upgrade runs them. */
	private static void printOnline(Migrations facade, MigrateResult result, PrintWriter out) {
		out.println("Wrote " + result.files().size() + (result.files().size() == 1 ? " revision" : " revisions")
				+ " in the online form, run in this order:");
		for (Path file : result.files()) {
			String id = idOf(file);
			String message = facade.graph().find(id).map(Revision::message).orElse("");
			out.println("  " + file + " (revision " + id + (message.isEmpty() ? "" : ": " + message) + ")");
		}
		out.println("Operations:");
		for (Operation operation : result.operations()) {
			out.println("  " + operation.describe());
		}
		printWarnings(out, result.warnings());
		out.println("Review the files, then apply them with `db upgrade`.");
	}

	/**
	 * Asks about each rename the differ guesses; {@code null} when nothing was asked (no guesses,
	 * the database is not ready for {@code migrate}, or nobody is there to answer) so the guesses stay.
	 */
	private List<DiffOptions.Rename> askAboutProbableRenames(Migrations facade, DiffOptions options,
			CommandConsole console) {
		if (console.prompt() == null) {
			return null;
		}
		MigrationsStatus status = facade.status();
		if (!status.pending().isEmpty() || !status.failed().isEmpty() || !status.missing().isEmpty()
				|| status.heads().size() > 1) {
			// migrate refuses to run and says why; questions first would be wasted
			return null;
		}
		List<Operation> probable = facade.compare(options).operations().stream().filter(DbCommands::isProbableRename).toList();
		if (probable.isEmpty()) {
			return null;
		}
		List<DiffOptions.Rename> confirmed = new ArrayList<>();
		Set<String> refusedTables = new HashSet<>();
		boolean answered = false;
		for (Operation operation : probable) {
			String question;
			DiffOptions.Rename rename;
			if (operation instanceof Operation.RenameTable table) {
				question = "Is table " + table.from() + " → " + table.to() + " a rename? [Y/n] ";
				rename = DiffOptions.Rename.table(table.from(), table.to());
			}
			else if (operation instanceof Operation.RenameEnumValue label) {
				question = "Is '" + label.from() + "' → '" + label.to() + "' of enum type " + label.type()
						+ " a rename? [Y/n] ";
				rename = DiffOptions.Rename.label(label.type(), label.from(), label.to());
			}
			else {
				Operation.RenameColumn column = (Operation.RenameColumn) operation;
				if (refusedTables.contains(column.table())) {
					continue;
				}
				question = "Is " + column.table() + "." + column.from() + " → " + column.table() + "." + column.to()
						+ " a rename? [Y/n] ";
				rename = DiffOptions.Rename.column(column.table(), column.from(), column.to());
			}
			Boolean yes = ask(console.prompt(), question);
			if (yes == null && !answered) {
				// nobody to answer: keep the guesses, written with their alternative in a comment
				return null;
			}
			// input that ends halfway keeps the guesses not answered
			answered = true;
			if (yes == null || yes) {
				confirmed.add(rename);
			}
			else if (operation instanceof Operation.RenameTable table) {
				refusedTables.add(table.to());
			}
		}
		return confirmed;
	}

	/** {@code true} for yes (the default), {@code false} for no, {@code null} when there is no one to ask. */
	private static Boolean ask(CommandConsole.Prompt prompt, String question) {
		for (int attempt = 0; attempt < 5; attempt++) {
			String answer = prompt.ask(question);
			if (answer == null) {
				return null;
			}
			switch (answer.strip().toLowerCase(Locale.ROOT)) {
				case "", "y", "yes":
					return true;
				case "n", "no":
					return false;
				default:
					break;
			}
		}
		return true;
	}

	private static boolean isProbableRename(Operation operation) {
		return (operation instanceof Operation.RenameTable table && table.proposed())
				|| (operation instanceof Operation.RenameColumn column && column.proposed())
				|| (operation instanceof Operation.RenameEnumValue label && label.proposed());
	}

	private static Map<String, String> renames(List<String> values) {
		Map<String, String> renames = new LinkedHashMap<>();
		for (String value : values) {
			int equals = value.indexOf('=');
			if (equals <= 0 || equals == value.length() - 1) {
				throw new DbCommand.UsageException("--rename " + value + " is not OLD=NEW: write old_table=new_table for a"
						+ " table, table.old_column=new_column for a column or enum_type:OLD_LABEL=NEW_LABEL for a label");
			}
			renames.put(value.substring(0, equals), value.substring(equals + 1));
		}
		return renames;
	}

	private static void printWarnings(PrintWriter out, List<String> warnings) {
		if (!warnings.isEmpty()) {
			out.println("Warnings:");
			warnings.forEach((warning) -> out.println("  " + warning));
		}
	}

	DbCommand upgrade() {
		return DbCommand.named("upgrade")
			.description("Upgrade the database to a target (default head), revision by revision, under the database lock")
			.usage("db upgrade [TARGET] [--sql | --rehearse]")
			.argument("TARGET", TARGET_HELP + " (default: head)", false)
			.flag("sql", "print the SQL script of the upgrade instead of running it (offline mode)")
			.flag("rehearse", "run the upgrade on a copy of the database instead and report time, locks and rows per"
					+ " statement (see `db rehearse`)")
			.completion(completion(true, null))
			.action((invocation, console) -> {
				String target = invocation.argument(0, "head");
				PrintWriter out = console.out();
				if (invocation.flag("sql") && invocation.flag("rehearse")) {
					throw new DbCommand.UsageException("Give --sql or --rehearse, not both");
				}
				if (invocation.flag("rehearse")) {
					return this.safety.rehearse(target, false, out);
				}
				if (invocation.flag("sql")) {
					String script;
					try {
						script = scriptOf(() -> migrations().upgradeSql(target));
					}
					catch (UnknownAppliedRevisionException ex) {
						if (!nothingToUpgrade(ex)) {
							throw ex;
						}
						// a script of nothing, as the upgrade has nothing to do (a comment, for psql -f)
						script = "-- " + aheadOfTheCode(ex, migrations());
					}
					out.print(withNewline(script));
					return Outcome.OK;
				}
				Migrations facade = migrations();
				Revision baseline = baselineToRecord(facade);
				CommandResult result;
				try {
					result = this.progress.printingTo(out, () -> facade.upgrade(target));
				}
				catch (UnknownAppliedRevisionException ex) {
					if (!nothingToUpgrade(ex)) {
						throw ex;
					}
					// as the startup: the previous release's upgrade job (a roll-back of the deploy) has nothing to do
					out.println(aheadOfTheCode(ex, facade));
					return Outcome.OK;
				}
				// the upgrade recorded the baseline first when it started from it on a database with nothing recorded
				boolean baselined = baseline != null && result.currentBefore().equals(List.of(baseline.id()));
				String recorded = baselined ? "the baseline " + baseline.id()
						+ (baseline.message().isEmpty() ? "" : " (" + baseline.message() + ")") + ", recorded with its"
						+ " ancestors as applied without running them (migrations.baseline: the schema had tables and no"
						+ " recorded revision)" : null;
				if (result.steps().isEmpty()) {
					out.println(baselined
							? "Nothing to upgrade after " + recorded + ": the database is at "
									+ revisions(result.currentAfter()) + " (target " + target + ")."
							: "Nothing to upgrade: the database is at " + revisions(result.currentAfter()) + " (target "
									+ target + ").");
				}
				else {
					out.println("Upgraded to " + revisions(result.currentAfter()) + " from "
							+ (baselined ? recorded : revisions(result.currentBefore())) + ": " + count(result.steps())
							+ " in " + millis(result.steps()) + " ms.");
				}
				return Outcome.OK;
			});
	}

	/**
	 * Whether the upgrade has nothing to do on a database ahead of this code: every revision of this code is applied,
	 * and {@code migrations.fail-on-database-ahead} does not ask to fail.
	 */
	private boolean nothingToUpgrade(UnknownAppliedRevisionException ex) {
		return !this.failOnDatabaseAhead && ex.pending().isEmpty();
	}

	/** What {@code db upgrade} says of a database ahead of this code with every revision of it applied. */
	private static String aheadOfTheCode(UnknownAppliedRevisionException ex, Migrations facade) {
		boolean one = ex.revisions().size() == 1;
		return "Nothing to upgrade: the database is ahead of this code, with " + (one ? "revision " : "revisions ")
				+ String.join(", ", ex.revisions()) + " applied, which " + (one ? "is" : "are") + " not among its"
				+ " revisions (a newer release upgraded it); every revision of this code is applied. To go back to this"
				+ " code's head, run `db downgrade " + String.join(",", facade.graph().heads()) + "` with the release that"
				+ " has " + (one ? "it" : "them") + ".";
	}

	// the revision migrations.baseline names while nothing is recorded (the upgrade may record it); null otherwise, or
	// when that cannot be read (the upgrade says why)
	private static Revision baselineToRecord(Migrations facade) {
		try {
			Revision baseline = facade.baseline().revision();
			return (baseline != null && facade.current().isEmpty()) ? baseline : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The script of {@code --sql}; a revision that cannot be written into it fails with its own message, and
	 * not as a failed run, whose advice (run {@code db upgrade}, or {@code db upgrade --sql}) is not for it.
	 */
	private static String scriptOf(Supplier<String> script) {
		try {
			return script.get();
		}
		catch (MigrationFailedException ex) {
			MigrationsException failure = new MigrationsException(ex.getMessage().replaceFirst(
					" Nothing (of this revision )?was run[^.]*\\.$", "") + " No script was printed: fix the file, then run the"
					+ " command again.");
			failure.addSuppressed(ex);
			throw failure;
		}
	}

	DbCommand downgrade() {
		return DbCommand.named("downgrade")
			.description("Downgrade the database to a target, revision by revision, under the database lock")
			.usage("db downgrade TARGET [--sql]")
			.argument("TARGET", "-N, base, a revision id or unique prefix, <revision>-N, label@base", true)
			.flag("sql", "print the SQL script of the downgrade instead of running it (offline mode)")
			.completion(completion(true, null))
			.action((invocation, console) -> {
				String target = invocation.argument(0, null);
				PrintWriter out = console.out();
				if (invocation.flag("sql")) {
					out.print(withNewline(scriptOf(() -> migrations().downgradeSql(target))));
					return Outcome.OK;
				}
				Migrations facade = migrations();
				CommandResult result = this.progress.printingTo(out, () -> facade.downgrade(target));
				if (result.steps().isEmpty()) {
					out.println("Nothing to downgrade: the database is at " + revisions(result.currentAfter()) + " (target "
							+ target + ").");
				}
				else {
					out.println("Downgraded to " + revisions(result.currentAfter()) + " from "
							+ revisions(result.currentBefore()) + ": " + count(result.steps()) + " in " + millis(result.steps())
							+ " ms.");
				}
				return Outcome.OK;
			});
	}

	DbCommand stamp() {
		return DbCommand.named("stamp")
			.description("Record the database as being at a target without running any revision")
			.usage("db stamp TARGET [--purge]")
			.argument("TARGET", TARGET_HELP + "; several ids separated by commas keep several branches", true)
			.flag("purge", "empty the version table first, then record the target and its ancestors afresh")
			.completion(completion(true, null))
			.action((invocation, console) -> {
				boolean purge = invocation.flag("purge");
				Migrations facade = migrations();
				CommandResult result = facade.stamp(invocation.argument(0, null), purge);
				console.out().println("Stamped " + revisions(result.currentAfter()) + " (was "
						+ revisions(result.currentBefore()) + (purge ? ", version table purged first" : "")
						+ "); no revision was run.");
				Set<String> stamped = result.steps().stream().filter((step) -> step.direction() == Direction.UPGRADE)
					.map(StepResult::revision).collect(Collectors.toSet());
				List<String> removed = result.steps().stream().filter((step) -> step.direction() == Direction.DOWNGRADE)
					.map(StepResult::revision).filter((id) -> !stamped.contains(id)).toList();
				// the cleared row says it: an upgrade recorded as failed or running was never recorded as applied, and
				// a downgrade that stopped half-way is stamped away once it was completed by hand (its changes are
				// not "still there")
				Set<String> cleared = result.clearedIncomplete().stream().map(AppliedRevision::revision)
					.collect(Collectors.toSet());
				List<String> unrecorded = removed.stream()
					.filter((id) -> facade.graph().contains(id) && !cleared.contains(id)).toList();
				if (!unrecorded.isEmpty()) {
					console.out().println("Un-recorded: " + String.join(", ", unrecorded) + " (no longer recorded as applied;"
							+ " what " + ((unrecorded.size() == 1) ? "it" : "they") + " changed in the database is still"
							+ " there).");
				}
				if (!result.clearedIncomplete().isEmpty()) {
					console.out().println("Cleared the incomplete row(s): " + result.clearedIncomplete().stream()
						.map((row) -> row.revision() + " (" + row.state() + ", now "
								+ (removed.contains(row.revision()) ? "un-recorded" : "recorded as applied") + ")")
						.collect(Collectors.joining(", ")) + ".");
				}
				List<String> forgotten = removed.stream().filter((id) -> !facade.graph().contains(id)).toList();
				if (!forgotten.isEmpty()) {
					console.out().println("The version table no longer records " + String.join(", ", forgotten) + ", which"
							+ " these revisions do not have; whatever " + ((forgotten.size() == 1) ? "it" : "they")
							+ " created in the database is still there.");
				}
				return Outcome.OK;
			});
	}

	DbCommand current() {
		return DbCommand.named("current")
			.description("Show the revisions the database is at, and what is pending")
			.usage("db current [--verbose] [--format text|json]")
			.flag("verbose", "the full header of each revision: parents, branch labels, depends_on, path, date")
			.option("format", ' ', "FORMAT", FORMAT_HELP, false)
			.action((invocation, console) -> {
				boolean json = json(invocation);
				Migrations facade = migrations();
				MigrationsStatus status = facade.status();
				PrintWriter out = console.out();
				if (json) {
					out.println(JsonOutput.status(status));
					return Outcome.OK;
				}
				if (status.current().isEmpty()) {
					out.println("No revision is applied: the database is at base.");
					if (!facade.schemaExists()) {
						// as a misspelt name would read: said, not taken for a database at base alone
						out.println("Schema " + facade.schema() + " does not exist yet: the first `db upgrade` creates it."
								+ " If the database should have it already, check migrations.schema.");
					}
				}
				for (String id : status.current()) {
					if (invocation.flag("verbose")) {
						printVerbose(facade, byId(status.revisions(), id), status.current(), out);
					}
					else {
						out.println(line(facade, id));
					}
				}
				if (!status.pending().isEmpty()) {
					String adoption = status.current().isEmpty() && status.failed().isEmpty() ? adoption(facade) : null;
					// `db upgrade` refuses while applied revisions have no file: the advice is the missing line's
					out.println(status.pending().size() + " revision(s) pending: " + String.join(", ", status.pending())
							+ (adoption != null ? ". " + adoption
									: !status.missing().isEmpty() && status.failed().isEmpty() ? ". `db upgrade` refuses while"
											+ " applied revisions have no file (below)."
									: status.failed().isEmpty() ? ". " + runUpgrade(status.heads()) : "."));
				}
				if (!status.modified().isEmpty()) {
					out.println("Changed since applied: " + String.join(", ", status.modified()) + ".");
				}
				if (!status.missing().isEmpty()) {
					// a revision that did not complete is no other way the database went: what stops `db upgrade` is it
					boolean notRun = status.pending().stream().anyMatch((id) -> !status.failed().contains(id));
					out.println("Applied but without a revision file: " + String.join(", ", status.missing()) + "."
							+ (!notRun && !status.failed().isEmpty() ? " The database is ahead of this code (a newer release"
									+ " upgraded it), or their files were removed; what stops `db upgrade` is the revision of"
									+ " this code recorded as failed (below)."
							: !notRun ? " The database is ahead of this code (a newer release upgraded"
									+ " it; every revision of this code is applied), or their files were removed."
									: " The database went another way: bring " + (status.missing().size() == 1 ? "its file"
											: "their files") + " into this code (merge the branch that has "
											+ (status.missing().size() == 1 ? "it" : "them")
											+ ") and join the heads with `db merge -m MESSAGE`; for a file"
											+ " deleted after it was applied, restore it and `db downgrade` it; or `db stamp"
											+ " <revision>` the revision the database matches."));
				}
				if (!status.failed().isEmpty()) {
					out.println("Recorded as failed: " + String.join(", ", status.failed())
							+ ". Fix the database by hand, then `db stamp` the revision it is at:");
					for (String failure : facade.failures()) {
						out.println("  " + failure.replace("\n", "\n  "));
					}
				}
				return Outcome.OK;
			});
	}

	/**
	 * The advice to upgrade: {@code db upgrade} (to {@code head}) needs a single head; with several,
	 * {@code db upgrade heads} applies every branch, or {@code db merge} joins them first.
	 */
	private static String runUpgrade(List<String> heads) {
		if (heads.size() > 1) {
			return "Run `db upgrade heads` (there are " + heads.size() + " heads, " + String.join(", ", heads)
					+ ": `db upgrade` needs one; or join them with `db merge -m MESSAGE`).";
		}
		return "Run `db upgrade`.";
	}

	/**
	 * What {@code db upgrade} does with a schema that holds tables while no revision is recorded: refuses
	 * (no baseline), or records the baseline first; {@code null} when the schema holds no table.
	 */
	private static String adoption(Migrations facade) {
		try {
			ExistingSchema existing = facade.existingSchema();
			if (!existing.hasTables()) {
				return null;
			}
			String baseline = facade.baseline().decide(existing, facade.graph(), facade.versionTable());
			if (baseline == null) {
				return null;
			}
			return "The schema holds " + existing.describeTables() + ": `db upgrade` records " + baseline
					+ " (migrations.baseline) and its ancestors as applied without running them, then applies what follows.";
		}
		catch (NonEmptySchemaException ex) {
			return "But the schema already holds " + ex.schema().describeTables() + ", so `db upgrade` refuses to run them"
					+ " over it: if it is what a revision creates, set migrations.baseline=<that revision> (first: "
					+ String.join(", ", ex.firstRevisions()) + "), or `db stamp` it.";
		}
		catch (FailedOtherToolMigrationException ex) {
			return "But " + ex.history().tool() + "'s history (" + ex.history().table() + ") records a failed migration, "
					+ String.join(", ", ex.history().failed()) + ", so `db upgrade` refuses to take the schema over (it"
					+ " may be half-changed): finish or undo that migration by hand, then run `flyway repair` or "
					+ ex.repairStatement() + ".";
		}
		catch (RuntimeException ex) {
			// a baseline that names no revision says so at the upgrade; the status is what was asked
			return runUpgrade(facade.graph().heads());
		}
	}

	DbCommand heads() {
		return DbCommand.named("heads")
			.description("Show the heads of the revision graph")
			.usage("db heads [--verbose] [--format text|json]")
			.flag("verbose", "the full header of each head: parents, branch labels, depends_on, path, date")
			.option("format", ' ', "FORMAT", FORMAT_HELP, false)
			.action((invocation, console) -> {
				boolean json = json(invocation);
				Migrations facade = migrations();
				List<RevisionInfo> heads = facade.heads();
				PrintWriter out = console.out();
				if (json) {
					if (facade.dataSource() != null) {
						// with their state in the database, as history has them, when it can be reached
						List<RevisionInfo> revisions;
						try {
							revisions = facade.status().revisions();
						}
						catch (RuntimeException ex) {
							String unreachable = CommandFailures.unreachable(ex);
							if (unreachable == null) {
								throw ex;
							}
							withoutStates(console, unreachable);
							revisions = List.of();
						}
						List<RevisionInfo> states = revisions;
						heads = heads.stream().map((head) -> Optional.ofNullable(byId(states, head.revision())).orElse(head))
							.toList();
					}
					out.println(JsonOutput.revisions(heads.stream().map(RevisionInfo::revision).toList(), heads));
					return Outcome.OK;
				}
				if (heads.isEmpty()) {
					out.println("No revisions yet. Write one with `db revision -m \"...\"` or `db migrate -m \"...\"`.");
				}
				for (RevisionInfo head : heads) {
					if (invocation.flag("verbose")) {
						printVerbose(facade, head, null, out);
					}
					else {
						out.println(head.revision() + " (head)" + headLabels(facade.graph(), head)
								+ (head.message().isEmpty() ? "" : " " + head.message()));
					}
				}
				if (heads.size() > 1) {
					out.println(heads.size() + " heads: join them with `db merge -m \"merge heads\"`.");
				}
				return Outcome.OK;
			});
	}

	DbCommand history() {
		return DbCommand.named("history")
			.description("List the revisions, newest first, with their state in the database")
			.usage("db history [-r FROM:TO] [--indicate-current] [--verbose] [--format text|json]")
			.option("rev-range", 'r', "FROM:TO", "only the revisions from FROM up to TO, both included: ids or prefixes,"
					+ " base, head or current; either side may be left empty (e.g. current:)", false)
			.flag("indicate-current", "mark the revisions the database is at with (current)")
			.flag("verbose", "the full header of each revision: parents, branch labels, depends_on, path, date")
			.option("format", ' ', "FORMAT", FORMAT_HELP, false)
			.action((invocation, console) -> {
				boolean json = json(invocation);
				Migrations facade = migrations();
				String range = invocation.option("rev-range");
				boolean indicate = invocation.flag("indicate-current");
				// as Alembic's, only these ask the database; without them the files are enough
				boolean asksDatabase = indicate || (range != null && range.contains("current"));
				if (indicate && facade.dataSource() == null) {
					throw new DbCommand.UsageException("--indicate-current needs the database, and none is configured"
							+ " (spring.datasource.url or migrations.url)");
				}
				List<RevisionInfo> history;
				List<String> current;
				try {
					history = facade.history();
					current = (asksDatabase || invocation.flag("verbose")) && facade.dataSource() != null ? facade.current()
							: null;
				}
				catch (RuntimeException ex) {
					String unreachable = asksDatabase ? null : CommandFailures.unreachable(ex);
					if (unreachable == null) {
						throw ex;
					}
					history = facade.historyOfFiles();
					current = null;
					withoutStates(console, unreachable);
				}
				if (facade.dataSource() == null) {
					withoutStates(console, null);
				}
				if (range != null) {
					history = inRange(facade, history, range, current);
				}
				PrintWriter out = console.out();
				if (json) {
					out.println(JsonOutput.revisions(null, history));
					return Outcome.OK;
				}
				if (history.isEmpty()) {
					out.println((range != null) ? "No revisions in " + range + "."
							: "No revisions yet. Write one with `db revision -m \"...\"` or `db migrate -m \"...\"`.");
				}
				for (RevisionInfo info : history) {
					if (invocation.flag("verbose")) {
						printVerbose(facade, info, current, out);
						continue;
					}
					StringBuilder line = new StringBuilder();
					line.append(parents(info.downRevisions())).append(" -> ").append(info.revision());
					if (info.head()) {
						line.append(" (head)");
					}
					if (indicate && current != null && current.contains(info.revision())) {
						line.append(" (current)");
					}
					if (facade.graph().contains(info.revision()) && facade.graph().children(info.revision()).size() > 1) {
						line.append(" (branchpoint)");
					}
					if (info.downRevisions().size() > 1) {
						line.append(" (mergepoint)");
					}
					Revision squash = facade.graph().find(info.revision()).filter(Revision::isSquash).orElse(null);
					if (squash != null) {
						line.append(" (squash of ").append(squash.replaces().size()).append(" up to ")
							.append(squash.replaces().get(squash.replaces().size() - 1)).append(')');
					}
					Revision replacedBy = facade.graph().contains(info.revision()) ? null : replacedBy(facade, info.revision());
					if (replacedBy != null) {
						line.append(" (replaced by squash ").append(replacedBy.id()).append(')');
					}
					line.append(labels(info));
					line.append(afterComma(info.message()));
					if (info.state() != null) {
						line.append(" [").append(state(info.state())).append(']');
					}
					out.println(line);
				}
				return Outcome.OK;
			});
	}

	/**
	 * Says once, on standard error (a JSON result stays alone on standard output), that the revisions are
	 * shown from their files without their state in the database, and why.
	 * @param unreachable the URL and the database's answer, {@code null} when no database is configured
	 */
	private static void withoutStates(CommandConsole console, String unreachable) {
		PrintWriter err = (console.err() != null) ? console.err() : console.out();
		err.println((unreachable != null)
				? "Showing the revision files without their state: the database cannot be reached (" + unreachable + ")."
				: "Showing the revision files without their state: no database is configured (spring.datasource.url or"
						+ " migrations.url).");
		err.flush();
	}

	/** The revisions of {@code FROM:TO}: descendants of FROM (itself included) that are ancestors of TO (itself included). */
	private static List<RevisionInfo> inRange(Migrations facade, List<RevisionInfo> history, String range,
			List<String> current) {
		int colon = range.indexOf(':');
		if (colon < 0 || range.indexOf(':', colon + 1) >= 0) {
			throw new DbCommand.UsageException("-r " + range + " is not FROM:TO: write e.g. base:head, 1a2b:current or current:");
		}
		String from = range.substring(0, colon).strip();
		String to = range.substring(colon + 1).strip();
		List<RevisionInfo> selected = between(facade, history, from, to, current);
		// as Alembic, FROM is the older end: a range given newest first selects nothing, which is not what was meant
		if (selected.isEmpty() && !from.isEmpty() && !to.isEmpty()
				&& !between(facade, history, to, from, current).isEmpty()) {
			throw new DbCommand.UsageException("-r " + range + " is reversed: FROM is the older end, TO the newer; write -r "
					+ to + ":" + from);
		}
		return selected;
	}

	private static List<RevisionInfo> between(Migrations facade, List<RevisionInfo> history, String from, String to,
			List<String> current) {
		Set<String> lower = bound(facade, from, current, true);
		Set<String> upper = bound(facade, to, current, false);
		return history.stream()
			.filter((info) -> lower == null || lower.contains(info.revision()))
			.filter((info) -> upper == null || upper.contains(info.revision()))
			.toList();
	}

	/** The revisions one side of a range lets through, {@code null} for all of them. */
	private static Set<String> bound(Migrations facade, String side, List<String> current, boolean lower) {
		List<String> ids;
		if (side.isEmpty() || side.equalsIgnoreCase(lower ? "base" : "head") || (!lower && side.equalsIgnoreCase("heads"))) {
			return null;
		}
		if (side.equalsIgnoreCase("current")) {
			if (current == null) {
				throw new DbCommand.UsageException("current needs the database, and none is configured");
			}
			if (current.isEmpty() && lower) {
				return null;
			}
			ids = current;
		}
		else if (side.equalsIgnoreCase("base")) {
			ids = List.of();
		}
		else if (side.equalsIgnoreCase("head") || side.equalsIgnoreCase("heads")) {
			ids = facade.graph().heads();
		}
		else {
			ids = List.of(facade.graph().resolve(side).id());
		}
		Set<String> allowed = new HashSet<>();
		for (String id : ids) {
			allowed.add(id);
			allowed.addAll(lower ? facade.graph().descendants(id) : facade.graph().ancestors(id));
		}
		return allowed;
	}

	DbCommand branches() {
		return DbCommand.named("branches")
			.description("Show the revisions where the graph branches, and their children")
			.usage("db branches [--verbose]")
			.flag("verbose", "the full header of each branch point")
			.action((invocation, console) -> {
				Migrations facade = migrations();
				PrintWriter out = console.out();
				List<Revision> ordered = new ArrayList<>(facade.graph().revisions());
				Collections.reverse(ordered);
				boolean any = false;
				for (Revision revision : ordered) {
					List<String> children = facade.graph().children(revision.id());
					if (children.size() < 2) {
						continue;
					}
					any = true;
					if (invocation.flag("verbose")) {
						printVerbose(facade, facade.show(revision.id()), null, out);
					}
					else {
						out.println(parents(revision.downRevisions()) + " -> " + revision.id() + " (branchpoint)"
								+ afterComma(revision.message()));
					}
					for (String child : children) {
						Revision next = facade.graph().get(child);
						out.println("    -> " + child + (facade.graph().heads().contains(child) ? " (head)" : "")
								+ (next.branchLabels().isEmpty() ? "" : " (" + String.join(", ", next.branchLabels()) + ")")
								+ afterComma(next.message()));
					}
				}
				if (!any) {
					out.println("No branch points: every revision has at most one child.");
				}
				return Outcome.OK;
			});
	}

	DbCommand show() {
		return DbCommand.named("show")
			.description("Show one revision: parents, file, state and SQL")
			.usage("db show REVISION [--verbose] [--format text|json]")
			.argument("REVISION", "a revision id or unique prefix, head, heads (each head) or label@head", true)
			.flag("verbose", "the full header: parents, children, branch labels, depends_on, path, date")
			.option("format", ' ', "FORMAT", FORMAT_HELP, false)
			.completion(completion(false, null))
			.action((invocation, console) -> {
				boolean json = json(invocation);
				Migrations facade = migrations();
				String wanted = invocation.argument(0, null);
				// heads: each head, as Alembic's `show heads`; head, label@head, an id or prefix: one revision
				List<String> ids = wanted.equalsIgnoreCase("heads") ? facade.graph().heads() : List.of(wanted);
				PrintWriter out = console.out();
				List<String> objects = new ArrayList<>();
				boolean filesOnly = facade.dataSource() == null;
				if (filesOnly) {
					withoutStates(console, null);
				}
				for (String id : ids) {
					RevisionInfo info;
					try {
						info = filesOnly ? facade.showOfFile(id) : facade.show(id);
					}
					catch (RuntimeException ex) {
						String unreachable = CommandFailures.unreachable(ex);
						if (unreachable == null) {
							throw ex;
						}
						filesOnly = true;
						withoutStates(console, unreachable);
						info = facade.showOfFile(id);
					}
					if (json) {
						objects.add(JsonOutput.revisionOf(info));
						continue;
					}
					if (!objects.isEmpty() || !id.equals(ids.get(0))) {
						out.println();
					}
					if (invocation.flag("verbose")) {
						printVerbose(facade, info, null, out);
					}
					else {
						out.println("Revision:   " + info.revision() + (info.head() ? " (head)" : ""));
						out.println("Parents:    " + parents(info.downRevisions()));
						if (!info.branchLabels().isEmpty()) {
							out.println("Branches:   " + String.join(", ", info.branchLabels()));
						}
						if (!info.dependsOn().isEmpty()) {
							out.println("Depends on: " + String.join(", ", info.dependsOn()));
						}
						facade.graph().find(info.revision()).filter(Revision::isSquash).ifPresent((squash) -> out.println(
								"Replaces:   " + squash.replaces().size() + " revisions, " + squash.replaces().get(0) + " to "
										+ squash.replaces().get(squash.replaces().size() - 1) + " (squash)"));
						out.println("Message:    " + info.message());
						out.println("Source:     " + info.source());
					}
					if (info.state() != null) {
						StringBuilder state = new StringBuilder(state(info.state()));
						if (info.appliedAt() != null) {
							state.append(" at ").append(info.appliedAt());
							if (info.appliedBy() != null) {
								state.append(" by ").append(info.appliedBy());
							}
							if (info.executionMillis() != null) {
								state.append(" in ").append(info.executionMillis()).append(" ms");
							}
						}
						out.println("State:      " + state);
					}
					if (info.checksum() != null) {
						out.println("Checksum:   " + info.checksum());
					}
					facade.graph().find(info.revision()).ifPresent((revision) -> {
						if (revision.body() instanceof Revision.SqlBody sql) {
							out.println();
							out.println("-- upgrade");
							out.print(withNewline(sql.upgrade().strip()));
							out.println();
							out.println("-- downgrade");
							out.print(withNewline(sql.downgrade().strip()));
						}
					});
				}
				if (json) {
					out.println(wanted.equalsIgnoreCase("heads") ? "[" + String.join(",", objects) + "]" : objects.get(0));
				}
				return Outcome.OK;
			});
	}

	DbCommand check() {
		return DbCommand.named("check")
			.description("Compare the entities with the database: exit status 1 and the differences when they differ")
			.usage("db check [--format text|json]")
			.option("format", ' ', "FORMAT", FORMAT_HELP, false)
			.action((invocation, console) -> {
				boolean json = json(invocation);
				Comparison comparison = migrations().compare(DiffOptions.defaults());
				List<Difference> differences = new ArrayList<>(comparison.differences());
				// an index a concurrent build left INVALID matches the entities on paper, but queries do not use it
				List<Difference> invalid = migrations().invalidIndexDifferences();
				differences.addAll(invalid);
				PrintWriter out = console.out();
				if (json) {
					out.println(JsonOutput.drift(differences, Instant.now()));
				}
				else if (differences.isEmpty()) {
					out.println("No differences: the database matches the entities.");
				}
				else {
					out.println(differences.size() + (differences.size() == 1 ? " difference" : " differences")
							+ " between the entities and the database:");
					for (Difference difference : differences) {
						out.println("  " + difference.kind() + "  " + difference.detail());
					}
				}
				if (!json) {
					printWarnings(out, comparison.warnings());
				}
				if (differences.isEmpty()) {
					return Outcome.OK;
				}
				MigrationsStatus status = statusOrNull(migrations());
				if (status != null && !status.failed().isEmpty()) {
					// `db upgrade` refuses until the revisions that did not complete are resolved: what `db current` says
					List<String> failed = status.failed();
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, but "
							+ (failed.size() == 1 ? "revision " + failed.get(0) + " did" : "revisions " + String.join(", ", failed)
									+ " did")
							+ " not complete, so `db upgrade` refuses to run until " + (failed.size() == 1 ? "it is" : "they are")
							+ " resolved:\n  " + String.join("\n", migrations().failures()).replace("\n", "\n  "));
				}
				if (differences.size() == invalid.size()) {
					// nothing for `db migrate` to write: the index is there, unusable
					return new Outcome(DbCommand.DIFFERENCES, "the database has " + invalid.size() + (invalid.size() == 1
							? " index" : " indexes") + " left INVALID: drop " + (invalid.size() == 1 ? "it" : "each")
							+ " and run its CREATE INDEX again (by hand, CONCURRENTLY, as its revision is recorded as applied),"
							+ " then check again");
				}
				List<String> pending = (status != null) ? status.pending() : List.of();
				RuntimeException refusal = pending.isEmpty() ? null : upgradeRefusal(migrations());
				if (refusal instanceof FailedOtherToolMigrationException failed) {
					// `db upgrade` would refuse until the other tool's failed migration is repaired
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, and "
							+ pending.size() + " revision(s) are not applied yet, but " + failed.history().tool()
							+ "'s history (" + failed.history().table() + ") records a failed migration, "
							+ String.join(", ", failed.history().failed()) + ", so `db upgrade` refuses to take the schema"
							+ " over (it may be half-changed): finish or undo that migration by hand, then run `flyway"
							+ " repair` or " + failed.repairStatement() + ", apply the"
							+ " revisions with `db upgrade` and check again");
				}
				if (refusal instanceof NonEmptySchemaException refused) {
					// `db upgrade` would refuse: the way forward is adopting the schema, as `db current` says
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, and no revision is"
							+ " recorded while the schema already holds " + refused.schema().describeTables() + ", so `db"
							+ " upgrade` refuses to run the " + pending.size() + " revision(s) not applied yet over it: if it"
							+ " is what a revision creates, set migrations.baseline=<that revision> (first: "
							+ String.join(", ", refused.firstRevisions()) + ") or `db stamp` it, then check again");
				}
				if (status != null && !status.modified().isEmpty()) {
					// what ran is not what the file now says: the differences may be the edit, never the newer release's
					List<String> modified = status.modified();
					boolean one = modified.size() == 1;
					List<String> missing = status.missing();
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, and "
							+ (one ? "revision " : "revisions ") + String.join(", ", modified) + " of this code " + (one ? "was"
									: "were") + " changed after " + (one ? "it was" : "they were") + " applied: the database has"
							+ " what ran, not what " + (one ? "its file now says" : "their files now say") + ", so the differences may be"
							+ " that change; restore the applied content and put the change in a new revision (`db upgrade`"
							+ " says how to proceed)" + (missing.isEmpty() ? ""
									: ". The database is also ahead of this code: it has " + String.join(", ", missing)
											+ " applied, which this code has no file for (see `db current`)"));
				}
				if (!pending.isEmpty() && !status.missing().isEmpty()) {
					// `db upgrade` refuses while applied revisions have no file: the database went another way
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, and " + pending.size()
							+ " revision(s) are not applied yet (" + String.join(", ", pending) + "), but `db upgrade`"
							+ " refuses to apply them while the database has " + String.join(", ", status.missing())
							+ " applied, which this code has no file for: the database went another way (see `db current`);"
							+ " bring the file into this code and `db merge` the heads, or restore it and `db downgrade` it,"
							+ " then upgrade and check again");
				}
				if (!pending.isEmpty()) {
					// the revisions not applied yet may be what the differences are: `db migrate` refuses until they are
					List<String> heads = migrations().graph().heads();
					String apply = (heads.size() > 1) ? "`db upgrade heads` (there are " + heads.size() + " heads, "
							+ String.join(", ", heads) + ": `db upgrade` needs one; or join them with `db merge -m MESSAGE`"
							+ " first)" : "`db upgrade`";
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, and " + pending.size()
							+ " revision(s) are not applied yet (" + String.join(", ", pending) + "): apply them with "
							+ apply + ", then check again");
				}
				if (status != null && !status.missing().isEmpty()) {
					// ahead of the code: the differences are most likely the newer release's, not this code's to revise
					return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities, but it is ahead of"
							+ " this code: it has " + String.join(", ", status.missing()) + " applied, which this code has no"
							+ " file for (a newer release upgraded it, see `db current`), so the differences are most likely"
							+ " that release's: check with the code that has " + (status.missing().size() == 1 ? "it" : "them")
							+ " rather than generating a revision here, which would undo them");
				}
				return new Outcome(DbCommand.DIFFERENCES, "the database differs from the entities: generate a revision"
						+ " with `db migrate -m \"...\"` and apply it with `db upgrade`");
			});
	}

	// why `db upgrade` would refuse to adopt the schema (no baseline, or another tool's failed migration); null when
	// it would not (or that cannot be read)
	private static RuntimeException upgradeRefusal(Migrations facade) {
		try {
			ExistingSchema existing = facade.existingSchema();
			if (existing.hasTables()) {
				facade.baseline().decide(existing, facade.graph(), facade.versionTable());
			}
			return null;
		}
		catch (NonEmptySchemaException | FailedOtherToolMigrationException ex) {
			return ex;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	// where the database stands, or null when that cannot be read (the differences are told all the same)
	private static MigrationsStatus statusOrNull(Migrations facade) {
		try {
			return facade.status();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	DbCommand edit() {
		return DbCommand.named("edit")
			.description("Open a revision file (default: the head) in $VISUAL or $EDITOR")
			.usage("db edit [REVISION]")
			.argument("REVISION", "a revision id or unique prefix, or head (default: the single head)", false)
			.completion(completion(false, null))
			.action((invocation, console) -> {
				Migrations facade = migrations();
				String wanted = invocation.argument(0, "head");
				String id;
				if (wanted.equalsIgnoreCase("head")) {
					List<String> heads = facade.graph().heads();
					if (heads.size() != 1) {
						return Outcome.failed(heads.isEmpty() ? "There are no revisions to edit: write one with `db revision -m \"...\"`."
								: "There are " + heads.size() + " heads (" + String.join(", ", heads)
										+ "): name the one to edit, e.g. `db edit " + heads.get(0) + "`.");
					}
					id = heads.get(0);
				}
				else {
					id = facade.graph().resolve(wanted).id();
				}
				Path file = revisionFile(facade, id);
				String editor = editor();
				if (editor == null) {
					return Outcome.failed("No editor is set: set EDITOR (or VISUAL), e.g. `export EDITOR=vi`, or open " + file
							+ " yourself.");
				}
				List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
				command.add(file.toString());
				console.out().println("Opening " + file + " with " + editor + ".");
				console.out().flush();
				int status;
				try {
					status = new ProcessBuilder(command).inheritIO().start().waitFor();
				}
				catch (IOException ex) {
					return Outcome.failed("Could not start the editor `" + editor + "` (from "
							+ (blank(this.environment.apply("VISUAL")) ? "EDITOR" : "VISUAL") + "): " + ex.getMessage()
							+ ". Check the variable, or open " + file + " yourself.");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return Outcome.failed("Interrupted while the editor was open on " + file + ".");
				}
				if (status != 0) {
					return Outcome.failed("The editor `" + editor + "` exited with status " + status + " on " + file + ".");
				}
				return Outcome.OK;
			});
	}

	private String editor() {
		for (String name : List.of("VISUAL", "EDITOR")) {
			String value = this.environment.apply(name);
			if (!blank(value)) {
				return value;
			}
		}
		return null;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Says so when a file just written is not among the revisions read: the directory written to
	 * ({@code migrations.generate.output-dir}) is not one the locations read, so the revision would never run.
	 */
	static void warnIfNotRead(Migrations facade, Path file, PrintWriter out) {
		if (!facade.graph().contains(idOf(file))) {
			Path output = facade.outputDirectory().toAbsolutePath().normalize();
			boolean sourceOfALocation = facade.locations().stream().anyMatch((location) -> {
				String path = location.startsWith("classpath:") ? "src/main/resources/" + location.substring("classpath:".length())
						: location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : null;
				return path != null && Path.of(path).toAbsolutePath().normalize().equals(output);
			});
			out.println("Note: revision " + idOf(file) + " is not among the revisions read from "
					+ String.join(", ", facade.locations()) + ": it was written to " + facade.outputDirectory()
					+ (sourceOfALocation
							? ", which the application reads only once it is built again from this directory (the revisions"
									+ " are read from its class path). Run `db revision` from the project's directory, or move"
									+ " the file to the project's copy of that directory, and rebuild."
							: ", which none of them reads. Set migrations.generate.output-dir to the source directory of a"
									+ " location (src/main/resources/db/postgresql for classpath:db/postgresql), or move the file"
									+ " there."));
		}
	}

	/** The parents a revision file just written names, when it was not read back: read with the revisions' own parser. */
	private static String writtenParents(Path file) {
		try {
			return parents(RevisionFileParser.parse(Files.readString(file), file.toString()).downRevisions());
		}
		catch (IOException | RuntimeException ex) {
			// the file was just written: reading it back fails only in a race, and the parents are then unknown
			return "?";
		}
	}

	/** The file of a revision in the directory revisions are written to, where an edit is kept. */
	private static Path revisionFile(Migrations facade, String id) {
		Path directory = facade.outputDirectory();
		String source = facade.graph().get(id).source();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				Optional<Path> found = files.filter((file) -> file.getFileName().toString().startsWith(id + "_")
						&& file.getFileName().toString().endsWith(".sql")).findFirst();
				if (found.isPresent()) {
					return found.get();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list " + directory.toAbsolutePath(), ex);
			}
		}
		throw new MigrationsException("Revision " + id + " (" + source + ") has no file in the revisions directory "
				+ directory.toAbsolutePath() + ": edit it where it lives, or set migrations.generate.output-dir to its"
				+ " directory.");
	}

	DbCommand lint() {
		return this.safety.lint();
	}

	DbCommand rehearse() {
		return this.safety.rehearse();
	}

	/** Whether {@code --format json} was asked; a format other than text or json is a usage error. */
	static boolean json(DbCommand.Invocation invocation) {
		String format = invocation.option("format");
		if (format == null || format.equalsIgnoreCase("text")) {
			return false;
		}
		if (format.equalsIgnoreCase("json")) {
			return true;
		}
		throw new DbCommand.UsageException("--format " + format + " is not a format: use text or json");
	}

	private static RevisionInfo byId(List<RevisionInfo> revisions, String id) {
		return revisions.stream().filter((info) -> info.revision().equals(id)).findFirst().orElse(null);
	}

	/** A message after a line's marks, as Alembic's history prints it: nothing for a revision without one. */
	private static String afterComma(String message) {
		return message.isEmpty() ? "" : ", " + message;
	}

	/** Alembic's {@code --verbose} block: the full header, then the message indented. */
	private static void printVerbose(Migrations facade, RevisionInfo info, List<String> current, PrintWriter out) {
		if (info == null) {
			return;
		}
		Revision revision = facade.graph().find(info.revision()).orElse(null);
		List<String> children = (revision != null) ? facade.graph().children(info.revision()) : List.of();
		StringBuilder title = new StringBuilder("Rev: ").append(info.revision());
		if (info.head()) {
			title.append(" (head)");
		}
		if (current != null && current.contains(info.revision())) {
			title.append(" (current)");
		}
		if (children.size() > 1) {
			title.append(" (branchpoint)");
		}
		if (info.downRevisions().size() > 1) {
			title.append(" (mergepoint)");
		}
		out.println(title);
		out.println("Parent: " + parents(info.downRevisions()));
		if (children.size() > 1) {
			out.println("Branches into: " + String.join(", ", children));
		}
		if (!info.branchLabels().isEmpty()) {
			out.println("Branch names: " + String.join(", ", info.branchLabels()));
		}
		if (!info.dependsOn().isEmpty()) {
			out.println("Depends on: " + String.join(", ", info.dependsOn()));
		}
		if (revision != null && revision.isSquash()) {
			out.println("Replaces: " + revision.replaces().size() + " revisions, " + revision.replaces().get(0) + " to "
					+ revision.replaces().get(revision.replaces().size() - 1) + " (squash)");
		}
		out.println("Path: " + ((info.source() != null) ? info.source() : "(no revision file)"));
		if (revision != null && revision.created() != null) {
			out.println("Created: " + revision.created());
		}
		out.println();
		out.println("    " + info.message());
		out.println();
	}

	DbCommand createDb() {
		return DbCommand.named("create-db")
			.description("Create the schema from the entities on an empty database, then stamp the head (fresh installs)")
			.action((invocation, console) -> {
				CommandResult result = migrations().createDb();
				console.out().println("Created the schema from the entities and stamped "
						+ revisions(result.currentAfter()) + ".");
				return Outcome.OK;
			});
	}

	// ---- formatting ----

	private static String line(Migrations facade, String id) {
		return facade.graph().find(id)
			.map((revision) -> id + (facade.graph().heads().contains(id) ? " (head)" : "")
					+ (revision.message().isEmpty() ? "" : " " + revision.message()))
			.orElseGet(() -> replacedLine(facade, id));
	}

	// a revision the graph does not have: replaced by a squash (a database in the middle of the squashed history),
	// or unknown to this code
	private static String replacedLine(Migrations facade, String id) {
		Revision squash = replacedBy(facade, id);
		if (squash == null) {
			return id + " (no revision file)";
		}
		Revision replaced = facade.squashedHistory().replacedRevisions().get(id);
		return id + ((replaced != null && !replaced.message().isEmpty()) ? " " + replaced.message() : "")
				+ " (replaced by squash " + squash.id() + (replaced == null ? "; its file is gone" : "") + ")";
	}

	private static Revision replacedBy(Migrations facade, String id) {
		for (Revision squash : facade.squashedHistory().squashes()) {
			if (squash.replaces().contains(id)) {
				return squash;
			}
		}
		return null;
	}

	private static String labels(RevisionInfo info) {
		return info.branchLabels().isEmpty() ? "" : " (" + String.join(", ", info.branchLabels()) + ")";
	}

	/**
	 * The branch labels of a head: its own and, as in Alembic, those of the revisions it descends from, so that
	 * each of several heads says which {@code label@head} names it.
	 */
	private static String headLabels(RevisionGraph graph, RevisionInfo head) {
		Set<String> labels = new LinkedHashSet<>(head.branchLabels());
		if (graph.contains(head.revision())) {
			Set<String> ancestors = graph.ancestors(head.revision());
			graph.branchLabels().forEach((label, revision) -> {
				if (ancestors.contains(revision)) {
					labels.add(label);
				}
			});
		}
		return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
	}

	private static String parents(List<String> ids) {
		return ids.isEmpty() ? "<base>" : String.join(", ", ids);
	}

	private static String revisions(List<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", ids);
	}

	private static String state(RevisionInfo.State state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String count(List<StepResult> steps) {
		return steps.size() + (steps.size() == 1 ? " revision" : " revisions");
	}

	private static long millis(List<StepResult> steps) {
		return steps.stream().mapToLong(StepResult::executionMillis).sum();
	}

	private static String withNewline(String text) {
		return (text.isEmpty() || text.endsWith("\n")) ? text : text + "\n";
	}

	static String idOf(Path file) {
		String name = file.getFileName().toString();
		int underscore = name.indexOf('_');
		return (underscore > 0) ? name.substring(0, underscore) : name;
	}

}
