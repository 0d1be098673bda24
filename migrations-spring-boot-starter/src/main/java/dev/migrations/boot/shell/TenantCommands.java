package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.migrations.TenantMigrations;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;

/**
 * The {@code --tenant} option of {@code db upgrade}, {@code db downgrade}, {@code db stamp} and
 * {@code db current}: names separated by commas, or {@code all}. Without it the commands work on
 * the one configured schema as before. A run goes on past a failed tenant and exits 2 when any
 * failed, after printing the summary.
 */
final class TenantCommands {

	/** How many tenants a command lists one per line before only counting them. */
	static final int LISTED = 50;

	static final DbCommand.Opt TENANT = new DbCommand.Opt("tenant", ' ', "TENANTS",
			"run for these tenants (migrations.tenants.*): names separated by commas, or all", false, false);

	private final Supplier<TenantMigrations> tenants;

	/**
	 * @param tenants the tenants, or a supplier of {@code null} when none are configured
	 */
	TenantCommands(Supplier<TenantMigrations> tenants) {
		this.tenants = tenants;
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
				if (invocation.option("format") != null && !invocation.option("format").equals("text")) {
					throw new DbCommand.UsageException("--tenant prints text; /actuator/migrations has the tenants in JSON");
				}
				current(selector(invocation), console.out());
				return Outcome.OK;
			});
			default -> command;
		};
	}

	private TenantMigrations tenants() {
		TenantMigrations tenants = this.tenants.get();
		if (tenants == null) {
			throw new DbCommand.UsageException("No tenants are configured: set migrations.tenants.schemas or"
					+ " migrations.tenants.query, or leave out --tenant to work on the one configured schema");
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
				+ run.outcomes().size() + " tenant(s): " + failed.stream().limit(5)
					.map((o) -> o.tenant() + (o.failedRevision() != null ? " (revision " + o.failedRevision() + ")" : ""))
					.collect(Collectors.joining(", "))
				+ (failed.size() > 5 ? ", ..." : "") + ". The others are done; fix these, then run it again.");
	}

	private void current(TenantSelector selector, PrintWriter out) {
		TenantMigrations tenants = tenants();
		TenantsStatus status = tenants.status(selector, selector.isAll() ? LISTED : Integer.MAX_VALUE);
		out.println(status.tenants() + " tenant(s): " + status.counts().entrySet().stream()
			.filter((entry) -> entry.getValue() > 0).sorted(java.util.Map.Entry.comparingByKey())
			.map((entry) -> entry.getValue() + " " + entry.getKey().name().toLowerCase().replace('_', ' '))
			.collect(Collectors.joining(", ")) + ".");
		for (TenantState state : status.notUpToDate()) {
			StringBuilder line = new StringBuilder("  ").append(state.tenant()).append(": ")
				.append(state.state().name().toLowerCase().replace('_', ' ')).append(", at ").append(revisions(state.current()));
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
		if (!status.upToDate()) {
			out.println("Run `db upgrade --tenant all` to upgrade those behind.");
		}
	}

	private static String revisions(List<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", ids);
	}

}
