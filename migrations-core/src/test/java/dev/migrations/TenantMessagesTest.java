package dev.migrations;

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
		assertThat(TenantMigrations.forTenant("no command here", "k1")).isEqualTo("no command here");
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
