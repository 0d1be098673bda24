package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class TrackingId {

	@Column(name = "tracking_id", unique = true, updatable = false)
	private String id;

}
