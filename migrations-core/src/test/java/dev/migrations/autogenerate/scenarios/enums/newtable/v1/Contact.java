package dev.migrations.autogenerate.scenarios.enums.newtable.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Contact {

	@Id
	Long id;

	String name;

}
