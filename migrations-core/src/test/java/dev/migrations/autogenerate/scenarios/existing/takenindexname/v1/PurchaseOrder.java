package dev.migrations.autogenerate.scenarios.existing.takenindexname.v1;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
/** Its table has an index made by hand, which the entities do not declare. */
@Table(name = "purchase_order")
public class PurchaseOrder {

	@Id
	Long id;

	LocalDate placed;

}
