package dev.migrations.autogenerate.scenarios.columns.componentpath.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	String streetLine;

	@Column(length = 10)
	String postalCode;

}
