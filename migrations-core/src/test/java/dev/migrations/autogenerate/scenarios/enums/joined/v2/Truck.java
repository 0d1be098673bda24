package dev.migrations.autogenerate.scenarios.enums.joined.v2;

import jakarta.persistence.Entity;

@Entity
public class Truck extends Vehicle {

	int axles;

	Double payloadTons;

}
