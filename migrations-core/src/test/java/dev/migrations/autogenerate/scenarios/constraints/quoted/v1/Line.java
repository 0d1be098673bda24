package dev.migrations.autogenerate.scenarios.constraints.quoted.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Line {

	@Id
	Long id;

	String sku;

}
