package dev.migrations.autogenerate.scenarios.existing.lookupindex.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A column added, and the indexed reference given up. */
@Entity
public class PurchaseOrder {

	@Id
	Long id;

	Integer priority;

	@ManyToOne
	Customer customer;

}
