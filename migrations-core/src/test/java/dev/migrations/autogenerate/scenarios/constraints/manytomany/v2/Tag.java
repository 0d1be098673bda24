package dev.migrations.autogenerate.scenarios.constraints.manytomany.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Tag {

	@Id
	Long id;

	String label;

}
