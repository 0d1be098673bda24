package dev.migrations.autogenerate.scenarios.constraints.onetoone.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

@Entity
public class Person {

	@Id
	Long id;

	String name;

	@OneToOne
	Passport passport;

}
