package dev.migrations.autogenerate.scenarios.online.existing.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** v2: a new table with an index and a foreign key to an existing one. */
@Entity
@Table(indexes = @Index(name = "ix_invoice_number", columnList = "number"))
public class Invoice {

	@Id
	Long id;

	String number;

	@ManyToOne
	Customer customer;

}
