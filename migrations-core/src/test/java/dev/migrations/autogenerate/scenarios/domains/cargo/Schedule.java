package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code @NotNull} on a one-to-many held by an embeddable. */
@Embeddable
public class Schedule {

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "voyage_id")
	@NotNull
	@Size(min = 1)
	private List<CarrierMovement> carrierMovements = Collections.emptyList();

}
