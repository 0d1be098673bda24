package dev.migrations.autogenerate.scenarios.constraints.referencesunique.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Country {

	@Id
	Long id;

	@Column(unique = true, nullable = false, length = 2)
	String code;

}
