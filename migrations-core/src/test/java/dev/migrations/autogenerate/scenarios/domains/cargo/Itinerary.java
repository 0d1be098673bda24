package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.validation.constraints.Size;

@Embeddable
public class Itinerary {

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "cargo_id")
	@OrderBy("loadTime")
	@Size(min = 1)
	private List<Leg> legs = Collections.emptyList();

}
