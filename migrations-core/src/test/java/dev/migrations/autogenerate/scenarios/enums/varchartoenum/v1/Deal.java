package dev.migrations.autogenerate.scenarios.enums.varchartoenum.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

@Entity
public class Deal {

	@Id
	Long id;

	String title;

	@Enumerated(EnumType.STRING)
	DealCurrency currency;

}
