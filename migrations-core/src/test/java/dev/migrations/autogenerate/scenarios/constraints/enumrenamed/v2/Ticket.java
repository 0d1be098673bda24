package dev.migrations.autogenerate.scenarios.constraints.enumrenamed.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

@Entity
public class Ticket {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	Status status;

	public enum Status {

		OPEN, ARCHIVED

	}

}
