package dev.migrations.diff;

import java.util.Objects;

/**
 * One way the database differs from the entities, for {@code db check} and the drift report.
 *
 * @param kind what differs: {@code _MISSING} means the entities want something the database lacks,
 *        {@code _EXTRA} that the database has something the entities do not map. One of
 *        {@code TABLE_MISSING}, {@code TABLE_EXTRA}, {@code TABLE_RENAMED}, {@code COLUMN_MISSING},
 *        {@code COLUMN_EXTRA}, {@code COLUMN_RENAMED}, {@code COLUMN_TYPE}, {@code COLUMN_NULLABLE},
 *        {@code COLUMN_DEFAULT}, {@code COLUMN_IDENTITY}, {@code PRIMARY_KEY_MISSING},
 *        {@code PRIMARY_KEY_EXTRA}, {@code PRIMARY_KEY_CHANGED}, {@code UNIQUE_MISSING},
 *        {@code UNIQUE_EXTRA}, {@code INDEX_MISSING}, {@code INDEX_EXTRA}, {@code FOREIGN_KEY_MISSING},
 *        {@code FOREIGN_KEY_EXTRA}, {@code CHECK_MISSING}, {@code CHECK_EXTRA}, {@code SEQUENCE_MISSING},
 *        {@code SEQUENCE_EXTRA}, {@code SEQUENCE_CHANGED}, {@code SEQUENCE_RENAMED}, {@code CONSTRAINT_RENAMED}, {@code ENUM_TYPE_MISSING},
 *        {@code ENUM_TYPE_EXTRA}, {@code ENUM_VALUES}, {@code TABLE_COMMENT}, {@code COLUMN_COMMENT}; and, from
 *        {@code check()} rather than the comparison, {@code INDEX_INVALID} (an index a concurrent build left unusable)
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
