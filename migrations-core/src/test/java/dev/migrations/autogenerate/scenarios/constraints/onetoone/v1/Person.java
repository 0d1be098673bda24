package dev.migrations.autogenerate.scenarios.constraints.onetoone.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Person {

	@Id
	Long id;

	String name;

}
