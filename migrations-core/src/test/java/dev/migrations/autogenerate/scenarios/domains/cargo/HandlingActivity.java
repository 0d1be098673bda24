package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Embeddable
public class HandlingActivity {

	@Enumerated(EnumType.STRING)
	@Column(name = "next_expected_handling_event_type")
	private HandlingEvent.Type type;

	@ManyToOne
	@JoinColumn(name = "next_expected_location_id")
	private Location location;

	@ManyToOne
	@JoinColumn(name = "next_expected_voyage_id")
	private Voyage voyage;

}
