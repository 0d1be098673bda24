package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;

@Embeddable
public class RouteSpecification {

	@ManyToOne
	@JoinColumn(name = "spec_origin_id", updatable = false)
	private Location origin;

	@ManyToOne
	@JoinColumn(name = "spec_destination_id")
	private Location destination;

	@Column(name = "spec_arrival_deadline")
	@NotNull
	private LocalDate arrivalDeadline;

}
