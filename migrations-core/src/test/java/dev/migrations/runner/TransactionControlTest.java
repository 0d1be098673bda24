package dev.migrations.runner;

import org.junit.jupiter.api.Test;

import dev.migrations.sql.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionControlTest {

	@Test
	void statementsOpeningOrEndingATransactionAreNamed() {
		assertThat(TransactionControl.command("COMMIT", SqlSyntax.POSTGRESQL)).isEqualTo("COMMIT");
		assertThat(TransactionControl.command("commit work", SqlSyntax.POSTGRESQL)).isEqualTo("COMMIT");
		assertThat(TransactionControl.command("Begin /* a */ isolation level serializable", SqlSyntax.POSTGRESQL))
			.isEqualTo("BEGIN");
		assertThat(TransactionControl.command("start\ntransaction read only", SqlSyntax.POSTGRESQL))
			.isEqualTo("START TRANSACTION");
		assertThat(TransactionControl.command("ROLLBACK", SqlSyntax.POSTGRESQL)).isEqualTo("ROLLBACK");
		assertThat(TransactionControl.command("rollback and chain", SqlSyntax.POSTGRESQL)).isEqualTo("ROLLBACK");
		assertThat(TransactionControl.command("END", SqlSyntax.POSTGRESQL)).isEqualTo("END");
		assertThat(TransactionControl.command("abort", SqlSyntax.POSTGRESQL)).isEqualTo("ABORT");
		assertThat(TransactionControl.command("PREPARE TRANSACTION 'x'", SqlSyntax.POSTGRESQL))
			.isEqualTo("PREPARE TRANSACTION");
		assertThat(TransactionControl.command("BEGIN", SqlSyntax.MARIADB)).isEqualTo("BEGIN");
		assertThat(TransactionControl.command("START TRANSACTION", SqlSyntax.H2)).isEqualTo("START TRANSACTION");
	}

	@Test
	void savepointsPreparedStatementsAndBlocksAreNot() {
		assertThat(TransactionControl.command("ROLLBACK TO SAVEPOINT a", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("rollback work to a", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("SAVEPOINT a", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("COMMIT PREPARED 'x'", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("PREPARE q AS SELECT 1", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("START REPLICA", SqlSyntax.MARIADB)).isNull();
		assertThat(TransactionControl.command("BEGIN NOT ATOMIC SELECT 1; END", SqlSyntax.MARIADB)).isNull();
		assertThat(TransactionControl.command("beginning_table", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("CREATE TABLE commit_log (id int)", SqlSyntax.POSTGRESQL)).isNull();
		assertThat(TransactionControl.command("DO $$ BEGIN COMMIT; END $$", SqlSyntax.POSTGRESQL)).isNull();
	}

	@Test
	void aCopyFromTheClientsStreamsIsRecognised() {
		assertThat(TransactionControl.copyFromClient("COPY deal (id, name) FROM STDIN")).isTrue();
		assertThat(TransactionControl.copyFromClient("copy deal from stdin with (format csv)")).isTrue();
		assertThat(TransactionControl.copyFromClient("COPY (SELECT 1) TO STDOUT")).isTrue();
		assertThat(TransactionControl.copyFromClient("COPY deal FROM '/var/lib/postgresql/deals.csv'")).isFalse();
		assertThat(TransactionControl.copyFromClient("copyright_notes")).isFalse();
		assertThat(TransactionControl.copyFromClient("INSERT INTO note VALUES ('copy from stdin')")).isFalse();
	}

}
