package dev.migrations.boottests.libraries.modulith;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Shipment {

	@Id
	@GeneratedValue
	Long id;

	String destination;

}
