package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.diff.Difference;
import dev.migrations.tenant.Tenant;
import dev.migrations.tenant.TenantCheck;
import dev.migrations.tenant.TenantChecks;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;

/**
 * The {@code --tenant} option: names separated by commas, or {@code all} (see {@link TenantSelector#parse}: a
 * name in double quotes is taken exactly). Without it the commands
 * work on the one configured schema as before.
 * <ul>
 * <li>{@code db upgrade}, {@code db downgrade}, {@code db stamp} run over the selected tenants, go on
 * past a failed tenant and exit 2 when any failed, after printing the summary;</li>
 * <li>{@code db current} prints the tenants' counts by state and those not up to date (with
 * {@code --format json}, the summary of {@code /actuator/migrations});</li>
 * <li>{@code db check} compares each selected tenant with the entities: exit 1 when one differs, 2
 * when one could not be compared;</li>
 * <li>{@code db history}, {@code db show} and {@code db heads} print their single-schema output for
 * each selected tenant, under its name (with {@code --format json}: {@code {"tenants": [{"tenant":
 * name, ...}]}});</li>
 * <li>{@code db lint} and {@code db rehearse} take one tenant: its pending revisions, its tables'
 * sizes, its schema.</li>
 * </ul>
 * The single-schema commands run on {@link TenantMigrations#forTenant} through {@link #scoped}: the
 * {@code Migrations} the commands are given is the tenant's while they run for it.
 */
final class TenantCommands {

	/** How many tenants a command lists one per line before only counting them. */
	static final int LISTED = 50;

	static final DbCommand.Opt TENANT = new DbCommand.Opt("tenant", ' ', "TENANTS",
			"run for these tenants (migrations.tenants.*): names separated by commas, or all; a name in double quotes"
					+ " is taken exactly ('\"all\"' is a tenant named all)", false, false);

	static final DbCommand.Opt ONE_TENANT = new DbCommand.Opt("tenant", ' ', "TENANT",
			"run on this one tenant's schema or database (migrations.tenants.*)", false, false);

	private final Supplier<TenantMigrations> tenants;

	private final int listed;

	/** The tenant's facade while a single-schema command runs for it on this thread. */
	private final ThreadLocal<Migrations> scope = new ThreadLocal<>();

	/**
	 * @param tenants the tenants, or a supplier of {@code null} when none are configured
	 */
	/**
	 * @param tenants the tenants, when configured
	 * @param listed how many tenants not up to date {@code db current --tenant all} lists
	 * ({@code migrations.tenants.listed} when set)
	 */
	TenantCommands(Supplier<TenantMigrations> tenants, int listed) {
		this.tenants = tenants;
		this.listed = Math.max(0, listed);
	}

	/**
	 * What the {@code db} commands should be given as their {@code Migrations}: the configured one,
	 * or a tenant's while a command runs for that tenant.
	 */
	Supplier<Migrations> scoped(Supplier<Migrations> configured) {
		return () -> {
			Migrations tenant = this.scope.get();
			return (tenant != null) ? tenant : configured.get();
		};
	}

	/** The commands given, those that take {@code --tenant} with it. */
	List<DbCommand> withTenantOption(List<DbCommand> commands) {
		return commands.stream().map(this::withTenantOption).toList();
	}

	private DbCommand withTenantOption(DbCommand command) {
		return switch (command.getName()) {
			case "db upgrade" -> command.withOption(TENANT, "[--tenant TENANTS]", (action) -> (invocation, console) -> {
				if (invocation.option("tenant") == null) {
					return action.run(invocation, console);
				}
				refuse(invocation, "sql", "rehearse");
				String target = invocation.argument(0, "head");
				return printed(tenants().upgrade(target, selector(invocation)), console.out());
			});
			case "db downgrade" -> command.withOption(TENANT, "[--tenant TENANTS]", (action) -> (invocation, console) -> {
				if (invocation.option("tenant") == null) {
					return action.run(invocation, console);
				}
				refuse(invocation, "sql");
				return printed(tenants().downgrade(invocation.argument(0, null), selector(invocation)), console.out());
			});
			case "db stamp" -> command.withOption(TENANT, "[--tenant TENANTS]", (action) -> (invocation, console) -> {
				if (invocation.option("tenant") == null) {
					return action.run(invocation, console);
				}
				refuse(invocation, "purge");
				return printed(tenants().stamp(invocation.argument(0, null), selector(invocation)), console.out());
			});
			case "db current" -> command.withOption(TENANT, "[--tenant TENANTS]", (action) -> (invocation, console) -> {
				if (invocation.option("tenant") == null) {
					return action.run(invocation, console);
				}
				refuse(invocation, "verbose");
				return current(selector(invocation), DbCommands.json(invocation), console.out());
			});
			case "db check" -> command.withOption(TENANT, "[--tenant TENANTS]", (action) -> (invocation, console) -> {
				if (invocation.option("tenant") == null) {
					return action.run(invocation, console);
				}
				return check(selector(invocation), DbCommands.json(invocation), console.out());
			});
			case "db history", "db show", "db heads" -> command.withOption(TENANT, "[--tenant TENANTS]",
					(action) -> (invocation, console) -> {
						if (invocation.option("tenant") == null) {
							return action.run(invocation, console);
						}
						return eachTenant(command.getName(), action, invocation, console);
					});
			case "db lint", "db rehearse" -> command.withOption(ONE_TENANT, "[--tenant TENANT]",
					(action) -> (invocation, console) -> {
						if (invocation.option("tenant") == null) {
							return action.run(invocation, console);
						}
						return oneTenant(command.getName(), action, invocation, console);
					});
			default -> command;
		};
	}

	/**
	 * A single-schema command run for each selected tenant in turn: its output under the tenant's
	 * name (JSON: one object per tenant in {@code tenants}); a tenant that fails is reported and the
	 * others go on, then the command exits 2 naming the failed ones.
	 */
	private Outcome eachTenant(String name, DbCommand.Action action, DbCommand.Invocation invocation,
			CommandConsole console) {
		boolean json = DbCommands.json(invocation);
		TenantMigrations tenants = tenants();
		List<Tenant> selected = selector(invocation).select(tenants.tenants());
		PrintWriter out = console.out();
		List<String> objects = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (Tenant tenant : selected) {
			StringWriter captured = new StringWriter();
			Outcome outcome;
			try {
				outcome = forTenant(tenants, tenant.name(), action, invocation,
						new CommandConsole(new PrintWriter(captured, true), null));
			}
			catch (DbCommand.UsageException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				outcome = Outcome.failed(DbCommand.describe(ex));
			}
			String text = captured.toString();
			if (outcome.code() == Outcome.FAILED) {
				failed.add(tenant.name());
			}
			if (json) {
				if (outcome.code() == Outcome.FAILED) {
					Map<String, Object> error = new LinkedHashMap<>();
					error.put("tenant", tenant.name());
					error.put("error", firstLine(outcome.message()));
					objects.add(JsonOutput.write(error));
				}
				else {
					String object = text.strip();
					objects.add("{\"tenant\":" + JsonOutput.write(tenant.name()) + (object.equals("{}") ? "}" : "," + object.substring(1)));
				}
				continue;
			}
			out.println("Tenant " + tenant.name() + ":");
			text.lines().forEach((line) -> out.println(line.isEmpty() ? "" : "  " + line));
			if (outcome.code() == Outcome.FAILED) {
				out.println("  failed: " + firstLine(outcome.message()));
			}
		}
		if (json) {
			out.println("{\"tenants\":[" + String.join(",", objects) + "]}");
		}
		if (failed.isEmpty()) {
			return Outcome.OK;
		}
		return Outcome.failed(name + " failed for " + failed.size() + " of " + selected.size() + " tenant(s): "
				+ firstFive(failed) + ". The others are printed; see the message under each failed tenant.");
	}

	/** {@code db lint} and {@code db rehearse}: what they tell depends on one database's tables, so one tenant. */
	private Outcome oneTenant(String name, DbCommand.Action action, DbCommand.Invocation invocation,
			CommandConsole console) {
		TenantSelector selector = selector(invocation);
		TenantMigrations tenants = tenants();
		List<Tenant> selected = selector.select(tenants.tenants());
		if (selector.isAll() || selected.size() != 1) {
			throw new DbCommand.UsageException("--tenant takes one tenant for " + name + ": its findings depend on that"
					+ " tenant's pending revisions and tables, so pick a representative one (e.g. the largest)");
		}
		return forTenant(tenants, selected.get(0).name(), action, invocation, console);
	}

	private Outcome forTenant(TenantMigrations tenants, String tenant, DbCommand.Action action,
			DbCommand.Invocation invocation, CommandConsole console) {
		this.scope.set(tenants.forTenant(tenant));
		try {
			return action.run(invocation, console);
		}
		finally {
			this.scope.remove();
		}
	}

	/** {@code db check --tenant}: exit 1 when a tenant differs, 2 when one could not be compared. */
	private Outcome check(TenantSelector selector, boolean json, PrintWriter out) {
		TenantChecks checks = tenants().check(selector);
		Instant checkedAt = Instant.now();
		if (json) {
			List<Object> tenants = new ArrayList<>();
			for (TenantCheck check : checks.checks()) {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("tenant", check.tenant());
				one.put("status", check.failed() ? "UNKNOWN" : check.differs() ? "DETECTED" : "NONE");
				one.put("checkedAt", checkedAt);
				one.put("differences", check.differences().stream().map(JsonOutput::difference).toList());
				one.put("reason", check.error());
				tenants.add(one);
			}
			out.println(JsonOutput.write(Map.of("tenants", tenants)));
		}
		else {
			List<TenantCheck> listed = checks.checks().stream().filter((c) -> c.failed() || c.differs()).toList();
			for (TenantCheck check : listed.subList(0, Math.min(listed.size(), LISTED))) {
				if (check.failed()) {
					out.println("  " + check.tenant() + ": could not be compared: " + check.error());
					continue;
				}
				out.println("  " + check.tenant() + ": " + check.differences().size()
						+ (check.differences().size() == 1 ? " difference" : " differences") + ":");
				for (Difference difference : check.differences()) {
					out.println("    " + difference.kind() + "  " + difference.detail());
				}
			}
			if (listed.size() > LISTED) {
				out.println("  ... and " + (listed.size() - LISTED) + " more tenant(s) differ or could not be compared.");
			}
			out.println(checks.summary());
		}
		if (!checks.failed().isEmpty()) {
			List<TenantCheck> failed = checks.failed();
			List<TenantCheck> differing = checks.differing();
			// the exit status is the failure's: the differences would go unseen in a job that reads only stderr
			return Outcome.failed("check could not compare " + failed.size() + " of " + checks.checks().size()
					+ " tenant(s): " + firstFive(failed.stream().map(TenantCheck::tenant).toList()) + ". Fix what stops them (the reason is printed for each), then"
					+ " run it again." + (differing.isEmpty() ? "" : " Of the others, " + differing.size()
							+ " differ from the entities: " + firstFive(differing.stream().map(TenantCheck::tenant).toList()) + "."));
		}
		if (!checks.differing().isEmpty()) {
			List<TenantCheck> differing = checks.differing();
			return new Outcome(Outcome.DIFFERENCES, differing.size() + " of " + checks.checks().size()
					+ " tenant(s) differ from the entities: " + firstFive(differing.stream().map(TenantCheck::tenant).toList())
					+ ". A revision fixes them all when they are all behind in the"
					+ " same way (`db migrate -m \"...\"`, then `db upgrade --tenant all`); a tenant alone in its"
					+ " differences was changed by hand.");
		}
		return Outcome.OK;
	}

	/**
	 * The first five names, and {@code ...} when there are more: what a one-line message can carry. Each is written as
	 * {@code --tenant} takes it ({@code "a, b"} in double quotes), so that a name with a comma reads as one tenant.
	 */
	private static String firstFive(List<String> names) {
		return firstFive(names, (name) -> name, (name) -> "");
	}

	/** The same, each tenant's name followed by a note about it. */
	private static <T> String firstFive(List<T> items, Function<T, String> tenant, Function<T, String> note) {
		return items.stream().limit(5).map((item) -> TenantSelector.of(tenant.apply(item)) + note.apply(item))
			.collect(Collectors.joining(", ")) + ((items.size() > 5) ? ", ..." : "");
	}

	private static String firstLine(String message) {
		String stripped = (message != null) ? message.strip() : "";
		int newline = stripped.indexOf('\n');
		return (newline < 0) ? stripped : stripped.substring(0, newline);
	}

	private TenantMigrations tenants() {
		TenantMigrations tenants = this.tenants.get();
		if (tenants == null) {
			throw new DbCommand.UsageException("No tenants are configured: set migrations.tenants.schemas,"
					+ " migrations.tenants.query or migrations.tenants.databases, or leave out --tenant to work on the one"
					+ " configured schema");
		}
		return tenants;
	}

	private static TenantSelector selector(DbCommand.Invocation invocation) {
		return TenantSelector.parse(invocation.option("tenant"));
	}

	private static void refuse(DbCommand.Invocation invocation, String... flags) {
		for (String flag : flags) {
			if (invocation.flag(flag)) {
				throw new DbCommand.UsageException("--" + flag + " works on one database: give it without --tenant");
			}
		}
	}

	private static Outcome printed(TenantRun run, PrintWriter out) {
		List<TenantOutcome> changed = run.outcomes().stream().filter(TenantOutcome::changed).toList();
		for (TenantOutcome outcome : changed.subList(0, Math.min(changed.size(), LISTED))) {
			out.println("  " + outcome.tenant() + ": " + run.command() + " " + outcome.result().steps().size()
					+ " revision(s), now at " + revisions(outcome.result().currentAfter()));
		}
		if (changed.size() > LISTED) {
			out.println("  ... and " + (changed.size() - LISTED) + " more tenant(s) changed.");
		}
		out.println(run.summary());
		if (run.succeeded()) {
			return Outcome.OK;
		}
		List<TenantOutcome> failed = run.failed();
		return Outcome.failed(run.command() + " " + run.target() + " failed for " + failed.size() + " of "
				+ run.outcomes().size() + " tenant(s): " + firstFive(failed, TenantOutcome::tenant,
						(o) -> (o.failedRevision() != null) ? " (revision " + o.failedRevision() + ")" : "")
				+ ((failed.size() == run.outcomes().size()) ? ". No tenant reached the target" : ". The others are done")
				+ "; fix these, then " + runAgain(run, failed) + ".");
	}

	/**
	 * The same command again, or, for steps counted from where each tenant stands ({@code -1}), the command for the
	 * failed tenants only: on every tenant it would move those already done once more.
	 */
	private static String runAgain(TenantRun run, List<TenantOutcome> failed) {
		if (!run.countsFromEachTenant() || failed.size() == run.outcomes().size()) {
			return "run it again";
		}
		if (!run.oneStep()) {
			// a failed tenant may have gone some of the steps: its error names the revision they were going to
			return "take each where " + run.target().strip() + " was taking it, with the command its error ends with (`db "
					+ run.command() + " REVISION --tenant NAME`; " + run.target().strip()
					+ " counts from where each tenant stands)";
		}
		String selector = (failed.size() <= 5)
				? TenantSelector.of(failed.stream().map(TenantOutcome::tenant).toList()).shellWord() : "NAMES";
		return "run it for them only: `db " + run.command() + " " + run.target().strip() + " --tenant " + selector + "` ("
				+ run.target().strip() + " counts from where each tenant stands"
				+ ((failed.size() <= 5) ? "" : "; NAMES: the failed tenants listed above, separated by commas") + ")";
	}

	private Outcome current(TenantSelector selector, boolean json, PrintWriter out) {
		TenantMigrations tenants = tenants();
		TenantsStatus status = tenants.status(selector, selector.isAll() ? this.listed : Integer.MAX_VALUE);
		int unreachable = status.counts().getOrDefault(TenantState.State.UNREACHABLE, 0);
		// where a tenant stands could not be told: a failure, as db history and db check say it
		Outcome outcome = (unreachable > 0) ? Outcome.failed(unreachable + " tenant(s) could not be read: check their"
				+ " connection (URL, user, password) or the schema's privileges, then run `db current --tenant "
				+ selector.shellWord() + "` again.") : Outcome.OK;
		if (json) {
			out.println(JsonOutput.tenants(tenants.migrations().graph().heads(), status, tenants.parallelism()));
			return outcome;
		}
		String counts = status.counts().entrySet().stream()
			.filter((entry) -> entry.getValue() > 0).sorted(java.util.Map.Entry.comparingByKey())
			.map((entry) -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
			.collect(Collectors.joining(", "));
		out.println(status.tenants() + " tenant(s)" + (counts.isEmpty() ? "" : ": " + counts) + ".");
		for (TenantState state : status.notUpToDate()) {
			StringBuilder line = new StringBuilder("  ").append(state.tenant()).append(": ")
				.append(state.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
			if (state.state() != TenantState.State.UNREACHABLE) {
				// an unreachable tenant's revision is not known
				line.append(", at ").append(revisions(state.current()));
			}
			if (state.pending() > 0) {
				line.append(", ").append(state.pending()).append(" pending");
			}
			if (state.failedRevision() != null) {
				line.append(", revision ").append(state.failedRevision()).append(" failed");
			}
			if (state.error() != null) {
				line.append(": ").append(state.error());
			}
			out.println(line);
		}
		if (status.notListed() > 0) {
			out.println("  ... and " + status.notListed() + " more tenant(s) not up to date.");
		}
		if (!status.upToDate() && unreachable < status.notUpToDate().size() + status.notListed()) {
			if (status.counts().getOrDefault(TenantState.State.FAILED, 0) > 0) {
				out.println("Fix the failed tenants first (each line says why; a revision that stopped outside a"
						+ " transaction is finished or undone by hand, then recorded with `db stamp <revision> --tenant"
						+ " <name>`), then run `db upgrade --tenant all` to upgrade those behind.");
			}
			else {
				out.println("Run `db upgrade --tenant all` to upgrade those behind.");
			}
		}
		return outcome;
	}

	private static String revisions(List<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", ids);
	}

}
