package dev.migrations.autogenerate.scenarios.constraints.compositekey.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Warehouse {

	@Id
	Long id;

	String name;

}
