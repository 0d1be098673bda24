package dev.migrations.autogenerate.scenarios.domains.petclinic.v2;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;

import dev.migrations.autogenerate.scenarios.domains.petclinic.BaseEntity;

@MappedSuperclass
public class Person extends BaseEntity {

	@Column(name = "first_name")
	@NotBlank
	private String firstName;

	@Column(name = "last_name", length = 80)
	@NotBlank
	private String lastName;

}
