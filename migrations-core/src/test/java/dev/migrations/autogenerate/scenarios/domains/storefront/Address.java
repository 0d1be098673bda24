package dev.migrations.autogenerate.scenarios.domains.storefront;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Embeddable
public class Address {

	@NotBlank
	@Size(max = 120)
	private String street;

	@Size(max = 60)
	private String city;

	@Pattern(regexp = "[0-9A-Z -]{3,10}")
	@Column(length = 10)
	private String postalCode;

	@Size(min = 2, max = 2)
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 2)
	private String countryCode;

	@Embedded
	private GeoPoint geo;

}
