package dev.migrations;

import java.time.Duration;
import java.util.List;

import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tenant's failure says: the commands it advises aimed at that tenant, a list's first item kept. */
class TenantMessagesTest {

	@Test
	void theCommandsAMessageAdvisesAreAimedAtTheTenant() {
		String message = "Revision 3333cccc0003 did not complete. Finish or undo its statements by hand, then run"
				+ " `db stamp 3333cccc0003` if you completed the upgrade, or `db stamp 2222bbbb0002` if you undid it.";
		assertThat(TenantMigrations.forTenant(message, "k1")).isEqualTo("Revision 3333cccc0003 did not complete. Finish"
				+ " or undo its statements by hand, then run `db stamp 3333cccc0003 --tenant k1` if you completed the"
				+ " upgrade, or `db stamp 2222bbbb0002 --tenant k1` if you undid it.");
		assertThat(TenantMigrations.forTenant("run `db current`", "Acme Corp")).isEqualTo("run `db current --tenant 'Acme Corp'`");
		assertThat(TenantMigrations.forTenant("run `db current --tenant k2`", "k1")).isEqualTo("run `db current --tenant k2`");
		// typed as printed, a bare all would act on every tenant, and a,b on two others
		assertThat(TenantMigrations.forTenant("run `db stamp 3f2a`", "all")).isEqualTo("run `db stamp 3f2a --tenant '\"all\"'`");
		assertThat(TenantMigrations.forTenant("run `db stamp 3f2a`", "a,b")).isEqualTo("run `db stamp 3f2a --tenant '\"a,b\"'`");
		assertThat(TenantMigrations.forTenant("no command here", "k1")).isEqualTo("no command here");
	}

	@Test
	void onlyCommandsThatTakeTheTenantOptionAreAimedAtTheTenant() {
		// db merge and db migrate work on the revision files, and --sql, --purge, --rehearse on one database:
		// with --tenant they are refused, so the advice stays as the user can type it
		assertThat(TenantMigrations.forTenant("Several heads: run `db merge -m \"merge heads\"`, then `db upgrade`.", "k1"))
			.isEqualTo("Several heads: run `db merge -m \"merge heads\"`, then `db upgrade --tenant k1`.");
		assertThat(TenantMigrations.forTenant("Give it back its columns (`db upgrade --sql` against an empty database prints"
				+ " them), or `db stamp --purge head`, `db upgrade --rehearse`, `db migrate -m \"...\"`.", "k1"))
			.isEqualTo("Give it back its columns (`db upgrade --sql` against an empty database prints them), or"
					+ " `db stamp --purge head`, `db upgrade --rehearse`, `db migrate -m \"...\"`.");
		assertThat(TenantMigrations.forTenant("try `db rehearse --rollback` and `db lint`", "k1"))
			.isEqualTo("try `db rehearse --rollback --tenant k1` and `db lint --tenant k1`");
	}

	@Test
	void theSummarysSelectorOfTheFailedTenantsIsOneShellWord() {
		TenantOutcome failed = new TenantOutcome("Acme Corp", null, null, "Database error: connection refused",
				new MigrationsException("connection refused"));
		TenantOutcome plain = new TenantOutcome("globex", null, null, "Database error: connection refused",
				new MigrationsException("connection refused"));

		assertThat(new TenantRun("upgrade", "head", List.of(failed, plain), 2, Duration.ZERO).summary())
			.endsWith("(select them with --tenant 'Acme Corp,globex').");
		assertThat(new TenantRun("upgrade", "head", List.of(plain), 1, Duration.ZERO).summary())
			.endsWith("(select them with --tenant globex).");
	}

	@Test
	void aFirstLineIntroducingAListKeepsTheListsFirstItem() {
		assertThat(TenantMigrations.firstLine("Applied revisions were modified after they were applied; nothing was run:\n"
				+ "  3f2a (create note): the file's checksum differs\n  4b1c (add body): the file's checksum differs\nStamp it."))
			.isEqualTo("Applied revisions were modified after they were applied; nothing was run: 3f2a (create note): the"
					+ " file's checksum differs ...");
		assertThat(TenantMigrations.firstLine("One line.\nSecond.")).isEqualTo("One line.");
	}

}
