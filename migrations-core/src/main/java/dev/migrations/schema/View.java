package dev.migrations.schema;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A view or materialized view of the database that reads columns a change alters: PostgreSQL refuses to
 * change the type of a column a view reads ({@code cannot alter type of a column used by a view or rule}), so
 * the change drops the view first and creates it again after, as the database defines it.
 *
 * @param name the view's name as a statement names it (qualified when it lives in another schema)
 * @param materialized whether it is a materialized view
 * @param create the statement that creates it as it is ({@code CREATE VIEW ... AS ...})
 * @param afterCreate what the drop takes with it and the creation puts back, in order: its comments, its
 *        privileges granted to others, a materialized view's indexes, the triggers of a view
 * @param columns the columns ({@code table.column}) whose change needs it rebuilt: those it reads, and those a
 *        view it reads reads
 * @param blockedBy what else depends on it (a function returning its row type, a function with a SQL body reading
 *        it), as the database describes each: PostgreSQL refuses to drop the view under them
 */
public record View(String name, boolean materialized, String create, List<String> afterCreate, Set<String> columns,
		List<String> blockedBy) {

	public View {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(create, "create");
		afterCreate = List.copyOf(afterCreate);
		// in the order given (the catalog's), so that a warning naming them reads the same on every run
		columns = Collections.unmodifiableSet(new LinkedHashSet<>(columns));
		blockedBy = List.copyOf(blockedBy);
	}

	/** A view nothing but other views depends on. */
	public View(String name, boolean materialized, String create, List<String> afterCreate, Set<String> columns) {
		this(name, materialized, create, afterCreate, columns, List.of());
	}

	/**
	 * What the reviewer must do when other objects than views need it ({@link #blockedBy()}): PostgreSQL refuses to
	 * drop it under them.
	 */
	public String blockedWarning() {
		return this.name + " is needed by " + String.join(", ", this.blockedBy) + ": PostgreSQL refuses to drop the"
				+ " view under them, and the revision drops it and creates it again around the change of "
				+ String.join(", ", this.columns.stream().sorted().toList()) + ". Edit the revision: drop them before "
				+ drop() + " and create them again after the view";
	}

	/** The statement that drops it. */
	public String drop() {
		return (this.materialized ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") + this.name;
	}

}
