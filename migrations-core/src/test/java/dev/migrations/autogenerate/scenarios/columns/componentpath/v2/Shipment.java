package dev.migrations.autogenerate.scenarios.columns.componentpath.v2;

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
	Address destination;

}
