package dev.migrations.autogenerate.scenarios.hibernate.embeddables;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

@Embeddable
public class Address {

	@Column(length = 120)
	String street;

	@Column(length = 10, nullable = false)
	String postalCode;

	String city;

	@Embedded
	GeoPoint location;

}
