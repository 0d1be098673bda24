package dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Tag {

	@Id
	Long id;

	String name;

}
