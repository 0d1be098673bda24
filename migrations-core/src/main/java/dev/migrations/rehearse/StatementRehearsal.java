package dev.migrations.rehearse;

import java.time.Duration;
import java.util.List;

/**
 * One statement of a rehearsed revision.
 *
 * @param number its 1-based position in the revision
 * @param line the 1-based line of the file where it starts (0 for a Java revision)
 * @param sql the statement, whitespace collapsed and shortened for display
 * @param time how long it ran
 * @param rows the rows it inserted, updated or deleted (or a {@code CREATE TABLE AS} wrote); {@code null}
 * for statements that report none
 * @param locks the locks it took that the transaction did not hold yet
 * @param observation how the locks were seen: {@code null} when read in the statement's transaction, else
 * a sentence (a statement that cannot run in a transaction is watched from a second session)
 * @param error the database's error when it failed, else {@code null}
 */
public record StatementRehearsal(int number, int line, String sql, Duration time, Long rows, List<LockTaken> locks,
		String observation, String error) {

	public StatementRehearsal {
		locks = List.copyOf(locks);
	}

}
