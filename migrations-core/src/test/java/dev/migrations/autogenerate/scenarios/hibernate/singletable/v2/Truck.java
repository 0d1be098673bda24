package dev.migrations.autogenerate.scenarios.hibernate.singletable.v2;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import dev.migrations.autogenerate.scenarios.hibernate.singletable.Vehicle;

@Entity
@DiscriminatorValue("TRUCK")
public class Truck extends Vehicle {

	Double payloadTons;

}
