package dev.migrations.autogenerate.scenarios.constraints.selfreference.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Shop {

	@Id
	Long id;

	String name;

}
