package dev.migrations.autogenerate.scenarios.online.newtable.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {

	@Id
	Long id;

	String name;

}
