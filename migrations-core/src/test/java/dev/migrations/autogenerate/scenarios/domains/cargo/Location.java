package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;

@Entity
public class Location {

	@Id
	@GeneratedValue
	private Long id;

	@Embedded
	private UnLocode unLocode;

	@NotNull
	private String name;

}
