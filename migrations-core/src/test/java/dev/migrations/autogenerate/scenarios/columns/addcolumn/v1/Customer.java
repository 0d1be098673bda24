package dev.migrations.autogenerate.scenarios.columns.addcolumn.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Customer {

	@Id
	@GeneratedValue
	Long id;

	String name;

}
