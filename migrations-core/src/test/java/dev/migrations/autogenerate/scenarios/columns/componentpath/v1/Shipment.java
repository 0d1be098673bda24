package dev.migrations.autogenerate.scenarios.columns.componentpath.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Shipment {

	@Id
	@GeneratedValue
	Long id;

	String reference;

}
