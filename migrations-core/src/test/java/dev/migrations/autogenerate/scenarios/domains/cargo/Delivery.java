package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;

/** {@code @NotNull} on primitives, enums and a time inside an embeddable, which nests another. */
@Embeddable
public class Delivery {

	@Enumerated(EnumType.STRING)
	@Column(name = "transport_status")
	@NotNull
	private TransportStatus transportStatus;

	@ManyToOne
	@JoinColumn(name = "last_known_location_id")
	private Location lastKnownLocation;

	@ManyToOne
	@JoinColumn(name = "current_voyage_id")
	private Voyage currentVoyage;

	@NotNull
	private boolean misdirected;

	private LocalDateTime eta;

	@Embedded
	private HandlingActivity nextExpectedActivity;

	@Column(name = "unloaded_at_dest")
	@NotNull
	private boolean isUnloadedAtDestination;

	@Enumerated(EnumType.STRING)
	@Column(name = "routing_status")
	@NotNull
	private RoutingStatus routingStatus;

	@Column(name = "calculated_at")
	@NotNull
	private LocalDateTime calculatedAt;

	@ManyToOne
	@JoinColumn(name = "last_event_id")
	private HandlingEvent lastEvent;

}
