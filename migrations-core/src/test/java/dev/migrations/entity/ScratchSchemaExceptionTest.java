package dev.migrations.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ScratchSchemaExceptionTest {

	@Test
	void runningOutOfLocksSaysSoInsteadOfBlamingTheMapping() {
		SQLException outOfLocks = new SQLException(
				"ERROR: out of shared memory\n  Hint: You might need to increase max_locks_per_transaction.", "53200");

		ScratchSchemaException ex = new ScratchSchemaException(3751, 10000, "create table e_3750 (id bigint)", outOfLocks);

		assertThat(ex.getMessage()).startsWith(
				"The entities' DDL failed in the scratch schema at statement 3751 of 10000: create table e_3750 (id bigint)\n")
			.contains("PostgreSQL said: ERROR: out of shared memory\n")
			.contains("the lock table was full when statement 3751 of 10000 ran")
			.contains("raise max_locks_per_transaction on the server")
			.doesNotContain("fix the mapping");
	}

	@Test
	void otherFailuresStillPointAtTheMapping() {
		SQLException unknownType = new SQLException("ERROR: type \"nosuchtype\" does not exist", "42704");

		ScratchSchemaException ex = new ScratchSchemaException(2, 3, "create table t (id nosuchtype)", unknownType);

		assertThat(ex.getMessage()).contains("fix the mapping").doesNotContain("max_locks_per_transaction");
	}

}
