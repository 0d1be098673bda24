package dev.migrations.autogenerate.scenarios.online.existing.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class PurchaseOrder {

	@Id
	Long id;

	Long customerId;

	Integer amount;

}
