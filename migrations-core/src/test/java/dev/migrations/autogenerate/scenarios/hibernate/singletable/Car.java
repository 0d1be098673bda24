package dev.migrations.autogenerate.scenarios.hibernate.singletable;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;

@Entity
public class Car extends Vehicle {

	// the subclass shares the table with the other kinds: Hibernate does not make its columns NOT NULL
	// for Bean Validation (it does for @Column(nullable = false), the mapping's own choice)
	@NotNull
	Integer seats;

}
