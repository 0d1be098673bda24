package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Embeddable
public class UnLocode {

	@NotNull
	@Pattern(regexp = "[a-zA-Z]{2}[a-zA-Z2-9]{3}")
	private String unlocode;

}
