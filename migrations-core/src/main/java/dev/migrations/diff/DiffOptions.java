package dev.migrations.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.migrations.MigrationsException;

/**
 * How {@link SchemaDiffer} compares.
 *
 * @param tableFilter which tables take part, by name; a table it rejects is neither created,
 *        altered nor dropped, and the enum types its columns use are never dropped (use it to leave
 *        out the tool's own version tables and tables other applications own)
 * @param sequenceFilter which stand-alone sequences take part, by name
 * @param renameMode whether a dropped and an added column or table of the same shape become a rename
 * @param renames renames asked for explicitly; they apply in every mode, even when the shapes differ
 *        (the remaining differences then follow as alterations)
 * @param ignoreExtraIndexes whether indexes of the database that the entities do not declare (lookup
 *        and foreign key indexes made by hand) are left alone: neither a difference nor dropped. An
 *        index on a column that goes is still dropped with it
 */
public record DiffOptions(Predicate<String> tableFilter, Predicate<String> sequenceFilter, RenameMode renameMode,
		List<Rename> renames, boolean ignoreExtraIndexes) {

	public DiffOptions {
		Objects.requireNonNull(tableFilter, "tableFilter");
		Objects.requireNonNull(sequenceFilter, "sequenceFilter");
		Objects.requireNonNull(renameMode, "renameMode");
		renames = List.copyOf(renames);
	}

	/** Every table and sequence, renames proposed, none forced, extra indexes reported and dropped. */
	public static DiffOptions defaults() {
		return new DiffOptions((table) -> true, (sequence) -> true, RenameMode.PROPOSE_RENAME, List.of(), false);
	}

	public DiffOptions includeTables(Predicate<String> filter) {
		return new DiffOptions(filter, this.sequenceFilter, this.renameMode, this.renames, this.ignoreExtraIndexes);
	}

	public DiffOptions includeSequences(Predicate<String> filter) {
		return new DiffOptions(this.tableFilter, filter, this.renameMode, this.renames, this.ignoreExtraIndexes);
	}

	public DiffOptions withRenameMode(RenameMode mode) {
		return new DiffOptions(this.tableFilter, this.sequenceFilter, mode, this.renames, this.ignoreExtraIndexes);
	}

	public DiffOptions withIgnoreExtraIndexes(boolean ignore) {
		return new DiffOptions(this.tableFilter, this.sequenceFilter, this.renameMode, this.renames, ignore);
	}

	public DiffOptions withRename(Rename rename) {
		List<Rename> all = new ArrayList<>(this.renames);
		all.add(rename);
		return new DiffOptions(this.tableFilter, this.sequenceFilter, this.renameMode, all, this.ignoreExtraIndexes);
	}

	/**
	 * Adds renames written as {@code old=new} for a table, {@code table.old=new} (or
	 * {@code table.old=table.new}) for a column and {@code type:OLD=NEW} for a label of an enum type,
	 * the form a command line or a property takes. The table of a column rename may be named by its
	 * current or its new name.
	 * @param renames old name to new name
	 * @return options with these renames added
	 */
	public DiffOptions withRenames(Map<String, String> renames) {
		DiffOptions options = this;
		for (Map.Entry<String, String> entry : new TreeMap<>(renames).entrySet()) {
			options = options.withRename(Rename.parse(entry.getKey(), entry.getValue()));
		}
		return options;
	}

	/**
	 * A rename asked for explicitly.
	 *
	 * @param table for a column rename, the table (its current or its new name); for a label rename, the
	 *        enum type; {@code null} for a table rename
	 * @param from the name (or label) in the database
	 * @param to the name (or label) the entities use
	 * @param label whether this renames a label of the enum type {@code table}
	 */
	public record Rename(String table, String from, String to, boolean label) {

		public Rename {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (label) {
				Objects.requireNonNull(table, "type");
			}
		}

		public static Rename table(String from, String to) {
			return new Rename(null, from, to, false);
		}

		public static Rename column(String table, String from, String to) {
			return new Rename(Objects.requireNonNull(table, "table"), from, to, false);
		}

		/** A label of an enum type renamed in place ({@code ALTER TYPE ... RENAME VALUE}). */
		public static Rename label(String type, String from, String to) {
			return new Rename(type, from, to, true);
		}

		public boolean isColumn() {
			return this.table != null && !this.label;
		}

		static Rename parse(String key, String value) {
			// no table or column name has a colon: a schema-qualified type (public.status:OLD) is a label rename too,
			// never a column rename of a table "public" that no table matches
			int colon = key.indexOf(':');
			if (colon >= 0) {
				String type = key.substring(0, colon).trim();
				// labels are taken as written: blanks count
				String from = key.substring(colon + 1);
				if (type.isEmpty() || from.isEmpty() || value.isEmpty()) {
					throw new MigrationsException("Cannot read the rename '" + key + "=" + value
							+ "': a label of an enum type is renamed with type:OLD_LABEL=NEW_LABEL");
				}
				if (type.indexOf('.') >= 0) {
					throw new MigrationsException("Cannot read the rename '" + key + "=" + value
							+ "': name the enum type without its schema (" + type.substring(type.lastIndexOf('.') + 1) + ":"
							+ from + "=" + value + "), as the types of the migrated schema are named");
				}
				return label(type, from, value);
			}
			String from = key.trim();
			String to = value.trim();
			int dot = from.indexOf('.');
			if (from.isEmpty() || to.isEmpty() || from.indexOf('.', dot + 1) >= 0) {
				throw new MigrationsException("Cannot read the rename '" + key + "=" + value
						+ "': write old_table=new_table for a table or table.old_column=new_column for a column");
			}
			if (dot < 0) {
				if (to.indexOf('.') >= 0) {
					throw new MigrationsException("Cannot read the rename '" + key + "=" + value
							+ "': a table rename is old_table=new_table; for a column write table.old_column=new_column");
				}
				return table(from, to);
			}
			String table = from.substring(0, dot);
			String toColumn = to;
			int toDot = to.indexOf('.');
			if (toDot >= 0) {
				if (!to.substring(0, toDot).equals(table)) {
					throw new MigrationsException("Cannot read the rename '" + key + "=" + value
							+ "': both sides must name the same table; rename the table with its own entry");
				}
				toColumn = to.substring(toDot + 1);
			}
			return column(table, from.substring(dot + 1), toColumn);
		}

		@Override
		public String toString() {
			if (this.label) {
				return this.table + ":" + this.from + "=" + this.to;
			}
			return (this.table != null) ? this.table + "." + this.from + "=" + this.to : this.from + "=" + this.to;
		}

	}

}
