package dev.migrations.diff;

/** What the differ makes of a dropped and an added column (or table) of the same shape. */
public enum RenameMode {

	/**
	 * Propose a rename when exactly one dropped and one added column of a table share type,
	 * nullability, default and identity (for tables: identical column shapes). The drop and add it
	 * replaces are remembered on the operation, so the revision can say how to undo the guess.
	 */
	PROPOSE_RENAME,

	/** Never guess: renames happen only when asked for with {@link DiffOptions#renames()}. */
	DROP_AND_ADD

}
