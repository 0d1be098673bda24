package dev.migrations.autogenerate.scenarios.online.existing.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.Check;

/** v2: customer_id becomes a foreign key, amount gets a check. */
@Entity
@Check(constraints = "amount >= 0")
public class PurchaseOrder {

	@Id
	Long id;

	@ManyToOne
	@JoinColumn(name = "customer_id")
	Customer customer;

	Integer amount;

}
