package dev.migrations.autogenerate.scenarios.domains.cargo;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;

/** {@code @NotNull} on an embedded value: Hibernate leaves its columns to the embeddable. */
@Entity
public class Voyage {

	@Id
	@GeneratedValue
	private Long id;

	@Embedded
	@NotNull
	private VoyageNumber voyageNumber;

	@Embedded
	private Schedule schedule;

}
