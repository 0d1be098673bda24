package dev.migrations.autogenerate.scenarios.enums.ordinaltostring.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

@Entity
public class Customer {

	@Id
	Long id;

	@Enumerated(EnumType.ORDINAL)
	Tier tier;

}
