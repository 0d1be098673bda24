package dev.migrations.autogenerate.scenarios.domains.commerce;

import jakarta.persistence.Embeddable;

@Embeddable
public class GeoLocation {

	private Double latitude;

	private Double longitude;

}
