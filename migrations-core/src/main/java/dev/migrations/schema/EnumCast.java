package dev.migrations.schema;

import java.util.Objects;

/**
 * A cast between an enum type and another type made {@code WITH INOUT}, through the two types'
 * text forms. Hibernate creates two for every {@code NAMED_ENUM} type
 * ({@code create cast (varchar as Status) with inout as implicit} and back), so that strings bound
 * as {@code varchar} are accepted where the enum is expected. A cast belongs to its types: it must
 * be dropped before the type is, and follows the type when it is renamed.
 *
 * @param otherType the type at the other end, as {@code format_type} prints it ({@code character varying})
 * @param toEnum whether the cast turns {@code otherType} into the enum type; otherwise it turns the
 * enum type into {@code otherType}
 * @param context when PostgreSQL applies the cast on its own
 */
public record EnumCast(String otherType, boolean toEnum, Context context) {

	public EnumCast {
		Objects.requireNonNull(otherType, "otherType");
		Objects.requireNonNull(context, "context");
	}

	/** {@code pg_cast.castcontext}: when the cast applies without being written. */
	public enum Context {

		/** Only when written ({@code ::type} or {@code CAST}). */
		EXPLICIT,

		/** Also when assigning to a column of the target type. */
		ASSIGNMENT,

		/** In any expression. */
		IMPLICIT

	}

}
