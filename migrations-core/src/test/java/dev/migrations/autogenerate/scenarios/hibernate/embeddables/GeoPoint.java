package dev.migrations.autogenerate.scenarios.hibernate.embeddables;

import jakarta.persistence.Embeddable;

@Embeddable
public class GeoPoint {

	Double latitude;

	Double longitude;

}
