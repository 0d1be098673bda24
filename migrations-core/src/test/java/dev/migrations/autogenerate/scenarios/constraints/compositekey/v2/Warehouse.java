package dev.migrations.autogenerate.scenarios.constraints.compositekey.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Warehouse {

	@Id
	Long id;

	String name;

}
