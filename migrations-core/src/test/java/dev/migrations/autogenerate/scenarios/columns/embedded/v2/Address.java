package dev.migrations.autogenerate.scenarios.columns.embedded.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	String streetLine;

	@Column(length = 10)
	String postalCode;

}
