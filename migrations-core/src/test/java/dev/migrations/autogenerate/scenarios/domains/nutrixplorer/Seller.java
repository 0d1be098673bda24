package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** A seller's access level, with a one-to-one address. */
@Entity
@DiscriminatorValue("SELLER")
@Table(name = "SELLERS")
public class Seller extends AccessLevel {

	@OneToOne(cascade = CascadeType.ALL)
	@JoinColumn(name = "address_id", nullable = true, updatable = true)
	private Address address;

}
