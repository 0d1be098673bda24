package dev.migrations.autogenerate.scenarios.hibernate.contributed;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;

/**
 * A library on the class path that adds mappings of its own, found by Hibernate through
 * {@code META-INF/services} the way Envers adds its audit tables: when an entity is marked
 * {@link AuditTrail}, the table of {@link AuditTrailEntry} joins the metadata.
 */
public class AuditTrailContributor implements AdditionalMappingContributor {

	@Override
	public String getContributorName() {
		return "audit-trail";
	}

	@Override
	public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
			ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
		boolean marked = metadata.getEntityBindings()
			.stream()
			.anyMatch((entity) -> entity.getMappedClass() != null && entity.getMappedClass().isAnnotationPresent(AuditTrail.class));
		if (marked) {
			contributions.contributeEntity(AuditTrailEntry.class);
		}
	}

}
