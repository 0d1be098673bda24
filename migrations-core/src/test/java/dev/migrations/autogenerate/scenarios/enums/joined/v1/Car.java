package dev.migrations.autogenerate.scenarios.enums.joined.v1;

import jakarta.persistence.Entity;

@Entity
public class Car extends Vehicle {

	int seatCount;

}
