package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Eclipse Cargo Tracker's {@code Cargo}: four embeddables, one holding a one-to-many, one holding another. */
@Entity
public class Cargo {

	@Id
	@GeneratedValue
	private Long id;

	@Embedded
	private TrackingId trackingId;

	@ManyToOne
	@JoinColumn(name = "origin_id", updatable = false)
	private Location origin;

	@Embedded
	private RouteSpecification routeSpecification;

	@Embedded
	private Itinerary itinerary;

	@Embedded
	private Delivery delivery;

}
