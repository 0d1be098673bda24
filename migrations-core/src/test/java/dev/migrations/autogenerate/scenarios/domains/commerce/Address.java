package dev.migrations.autogenerate.scenarios.domains.commerce;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

@Embeddable
public class Address {

	@Column(name = "address_line1", length = 100, nullable = false)
	private String line1;

	private String city;

	@Column(length = 2)
	private String countryCode;

	@Embedded
	private GeoLocation location;

}
