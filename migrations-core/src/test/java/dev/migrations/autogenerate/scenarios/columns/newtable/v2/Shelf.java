package dev.migrations.autogenerate.scenarios.columns.newtable.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Shelf {

	@Id
	@GeneratedValue
	Long id;

	String label;

}
