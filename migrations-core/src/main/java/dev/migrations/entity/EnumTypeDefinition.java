package dev.migrations.entity;

import java.util.List;

import dev.migrations.schema.EnumType;

/**
 * A named enum type ({@code CREATE TYPE ... AS ENUM}) that the entities need: an enum attribute
 * mapped with {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} or {@code NAMED_ORDINAL_ENUM}, or any
 * {@code @Enumerated} attribute when {@code hibernate.type.prefer_native_enum_types} is on.
 * <p>
 * <b>Label order.</b> Hibernate creates a {@code NAMED_ENUM} type with its labels sorted
 * alphabetically, while users think of an enum in the order its constants are declared (and
 * PostgreSQL sorts and compares enum values in label order). Both orders are equally valid
 * renderings of the same entities, because Hibernate reads and writes such a column by label, never
 * by position. So the model keeps both:
 * <ul>
 * <li>{@link #values()} is the declaration order. It is the model's order: autogenerate creates new
 * types in it and places added values by their declared neighbours.</li>
 * <li>{@link #hibernateValues()} is the order of Hibernate's own {@code create type}, the order of
 * any database that Hibernate's schema export or {@code ddl-auto} created.</li>
 * </ul>
 * A live type whose labels equal either list is in sync ({@link #isSatisfiedBy(List)}): a schema
 * Hibernate created from these entities shows no drift, and neither does one created from our
 * revisions. A live type that already follows one order keeps following it when values are added
 * ({@link #orderToKeep(List)}), so applying a generated revision never turns a clean type into a
 * reordered one. For {@code NAMED_ORDINAL_ENUM} both lists are the declaration order.
 *
 * @param name the type name as the catalog stores it (Hibernate names the type after the enum's
 * simple class name, unquoted, so PostgreSQL folds it to lower case)
 * @param javaType the fully qualified name of the Java enum
 * @param values labels in the Java enum's declaration order
 * @param hibernateValues labels in the order Hibernate's {@code create type} lists them
 * @param columns the columns of that type, as {@code table.column} in catalog spelling
 */
public record EnumTypeDefinition(String name, String javaType, List<String> values, List<String> hibernateValues,
		List<String> columns) {

	public EnumTypeDefinition {
		values = List.copyOf(values);
		hibernateValues = List.copyOf(hibernateValues);
		columns = List.copyOf(columns);
	}

	/**
	 * Whether a live type with these labels needs no change.
	 * @param liveLabels the live type's labels in their sort order
	 * @return {@code true} when they equal the declaration order or Hibernate's order
	 */
	public boolean isSatisfiedBy(List<String> liveLabels) {
		return this.values.equals(liveLabels) || this.hibernateValues.equals(liveLabels);
	}

	/**
	 * The target order for a live type, so that added labels go where the type's existing order
	 * puts them: Hibernate's order when the live labels the model still has follow Hibernate's order
	 * but not the declaration order, otherwise the declaration order (when neither fits, the type is
	 * really reordered and the declaration order is the one to restore).
	 * @param liveLabels the live type's labels in their sort order
	 * @return {@link #values()} or {@link #hibernateValues()}
	 */
	public List<String> orderToKeep(List<String> liveLabels) {
		List<String> kept = liveLabels.stream().filter(this.values::contains).toList();
		if (!followsOrder(kept, this.values) && followsOrder(kept, this.hibernateValues)) {
			return this.hibernateValues;
		}
		return this.values;
	}

	/**
	 * @return this type in the schema model, labels in declaration order
	 */
	public EnumType toEnumType() {
		return new EnumType(this.name, this.values);
	}

	private static boolean followsOrder(List<String> labels, List<String> order) {
		int previous = -1;
		for (String label : labels) {
			int position = order.indexOf(label);
			if (position < previous) {
				return false;
			}
			previous = position;
		}
		return true;
	}

}
