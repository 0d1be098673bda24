package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;

@Embeddable
public class VoyageNumber {

	@Column(name = "voyage_number")
	@NotNull
	private String number;

}
