package dev.migrations.entity;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * JPA's implicit names, except that a join table is named after the owning side's physical table
 * and the association property ({@code product_tags} for {@code Product.tags}) rather than after
 * the two entity names. This is the implicit naming a Spring Boot application gets by default, so
 * the entities read here name their join tables exactly as the running application does.
 */
public class OwningTableImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

	private static final long serialVersionUID = 1L;

	@Override
	public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
		String name = source.getOwningPhysicalTableName() + "_"
				+ source.getAssociationOwningAttributePath().getProperty();
		return toIdentifier(name, source.getBuildingContext());
	}

}
