package dev.migrations.autogenerate.scenarios.constraints.referencesunique.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class City {

	@Id
	Long id;

	String name;

}
