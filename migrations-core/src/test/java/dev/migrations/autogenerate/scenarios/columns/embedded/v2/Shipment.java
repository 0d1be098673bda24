package dev.migrations.autogenerate.scenarios.columns.embedded.v2;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Shipment {

	@Id
	@GeneratedValue
	Long id;

	String reference;

	@Embedded
	Address origin;

	@Embedded
	@AttributeOverride(name = "streetLine", column = @Column(name = "destination_street_line"))
	@AttributeOverride(name = "postalCode", column = @Column(name = "destination_postal_code"))
	Address destination;

}
