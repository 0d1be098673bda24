package dev.migrations.autogenerate.scenarios.apps.inventory.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class Address {

	@NotNull
	@Size(max = 100)
	@Column(name = "street")
	String street;

	@NotNull
	@Column(name = "city")
	String city;

	@Size(max = 10)
	@Column(name = "zip")
	String zip;

}
