package dev.migrations.diff;

import java.util.Objects;

/**
 * One way the database differs from the entities, for {@code db check} and the drift report.
 *
 * @param kind what differs, e.g. {@code TABLE_MISSING}, {@code COLUMN_TYPE}, {@code INDEX_MISSING},
 *        {@code ENUM_VALUES}; {@code _MISSING} means the entities want something the database lacks,
 *        {@code _EXTRA} that the database has something the entities do not map
 * @param object the object concerned, e.g. {@code bulletin} or {@code bulletin.status}
 * @param detail a sentence for humans, e.g. {@code bulletin.status: database has character
 *        varying(20), entities want character varying(50)}
 */
public record Difference(String kind, String object, String detail) {

	public Difference {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(detail, "detail");
	}

}
