package dev.migrations.autogenerate.scenarios.existing.bitflag.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Feature {

	@Id
	Long id;

	String name;

	Boolean enabled;

	boolean archived;

}
