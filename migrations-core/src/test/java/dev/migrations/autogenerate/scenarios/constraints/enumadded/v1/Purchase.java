package dev.migrations.autogenerate.scenarios.constraints.enumadded.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

@Entity
public class Purchase {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	Status status;

	public enum Status {

		NEW, PAID

	}

}
