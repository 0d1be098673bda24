package dev.migrations.autogenerate.scenarios.enums.jsonb.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Product {

	@Id
	Long id;

	String name;

}
