package dev.migrations.autogenerate.smoke.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Bulletin {

	@Id
	@GeneratedValue
	Long id;

	String title;

	@Enumerated(EnumType.STRING)
	Status status;

	public enum Status {

		DRAFT, PUBLISHED

	}

}
