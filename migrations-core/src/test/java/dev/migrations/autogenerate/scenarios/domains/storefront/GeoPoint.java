package dev.migrations.autogenerate.scenarios.domains.storefront;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

@Embeddable
public class GeoPoint {

	@DecimalMin("-90.0")
	@DecimalMax("90.0")
	private Double latitude;

	@DecimalMin("-180.0")
	@DecimalMax("180.0")
	private Double longitude;

}
