package dev.migrations.autogenerate.scenarios.hibernate.embeddables.v1;

import jakarta.persistence.Embeddable;

@Embeddable
public class GeoPoint {

	Double latitude;

	Double longitude;

}
