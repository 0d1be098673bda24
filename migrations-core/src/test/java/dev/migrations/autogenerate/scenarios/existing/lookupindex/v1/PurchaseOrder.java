package dev.migrations.autogenerate.scenarios.existing.lookupindex.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Hibernate declares no index on the foreign key or the reference: the schema's owners added them by hand. */
@Entity
public class PurchaseOrder {

	@Id
	Long id;

	String reference;

	@ManyToOne
	Customer customer;

}
