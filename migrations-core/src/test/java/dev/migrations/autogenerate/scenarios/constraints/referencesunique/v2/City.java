package dev.migrations.autogenerate.scenarios.constraints.referencesunique.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class City {

	@Id
	Long id;

	String name;

	@ManyToOne
	@JoinColumn(name = "country_code", referencedColumnName = "code")
	Country country;

}
