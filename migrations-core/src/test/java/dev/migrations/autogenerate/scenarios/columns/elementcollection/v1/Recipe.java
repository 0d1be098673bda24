package dev.migrations.autogenerate.scenarios.columns.elementcollection.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Recipe {

	@Id
	@GeneratedValue
	Long id;

	String title;

}
