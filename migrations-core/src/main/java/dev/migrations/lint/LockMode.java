package dev.migrations.lint;

/**
 * PostgreSQL's table-level lock modes, weakest first, with what each one makes other sessions wait
 * for (the conflict table of the PostgreSQL manual, "Explicit Locking").
 */
public enum LockMode {

	/** Plain {@code SELECT}. */
	ACCESS_SHARE("ACCESS SHARE", "AccessShareLock", false, false, "only ACCESS EXCLUSIVE requests wait"),

	/** {@code SELECT FOR UPDATE/SHARE}. */
	ROW_SHARE("ROW SHARE", "RowShareLock", false, false, "only EXCLUSIVE and ACCESS EXCLUSIVE requests wait"),

	/** {@code INSERT}, {@code UPDATE}, {@code DELETE}. */
	ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock", false, false,
			"index builds and schema changes wait; reads and writes go on"),

	/** {@code VACUUM}, {@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}. */
	SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock", false, false,
			"reads and writes go on; other schema changes, index builds and VACUUM wait"),

	/** {@code CREATE INDEX}. */
	SHARE("SHARE", "ShareLock", true, false, "INSERT, UPDATE and DELETE wait; reads go on"),

	/** {@code CREATE TRIGGER}, {@code ADD FOREIGN KEY}. */
	SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock", true, false,
			"INSERT, UPDATE and DELETE wait; reads go on"),

	/** {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}. */
	EXCLUSIVE("EXCLUSIVE", "ExclusiveLock", true, false,
			"INSERT, UPDATE, DELETE and SELECT FOR UPDATE wait; plain reads go on"),

	/** Most {@code ALTER TABLE} forms, {@code DROP}, {@code TRUNCATE}, {@code VACUUM FULL}. */
	ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock", true, true, "every read and write waits, even SELECT");

	private final String sql;

	private final String catalogName;

	private final boolean blocksWrites;

	private final boolean blocksReads;

	private final String effect;

	LockMode(String sql, String catalogName, boolean blocksWrites, boolean blocksReads, String effect) {
		this.sql = sql;
		this.catalogName = catalogName;
		this.blocksWrites = blocksWrites;
		this.blocksReads = blocksReads;
		this.effect = effect;
	}

	/** The mode as SQL writes it, e.g. {@code SHARE ROW EXCLUSIVE}. */
	public String sql() {
		return this.sql;
	}

	/** The mode as {@code pg_locks.mode} shows it, e.g. {@code ShareRowExclusiveLock}. */
	public String catalogName() {
		return this.catalogName;
	}

	/** Whether ordinary writes ({@code INSERT}, {@code UPDATE}, {@code DELETE}) wait while it is held. */
	public boolean blocksWrites() {
		return this.blocksWrites;
	}

	/** Whether plain {@code SELECT}s wait while it is held. */
	public boolean blocksReads() {
		return this.blocksReads;
	}

	/** What other sessions notice while it is held, e.g. "INSERT, UPDATE and DELETE wait; reads go on". */
	public String effect() {
		return this.effect;
	}

	/**
	 * The mode of a {@code pg_locks.mode} value.
	 * @param catalogName e.g. {@code AccessExclusiveLock}
	 * @return the mode, or {@code null} for a name that is not a table-level mode (e.g. {@code SIReadLock})
	 */
	public static LockMode ofCatalogName(String catalogName) {
		for (LockMode mode : values()) {
			if (mode.catalogName.equals(catalogName)) {
				return mode;
			}
		}
		return null;
	}

	/** The stronger of two modes, {@code null} counting as none. */
	static LockMode max(LockMode a, LockMode b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.compareTo(b) >= 0) ? a : b;
	}

}
