package dev.migrations.autogenerate.scenarios.columns.identifiers.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class AnotherRatherLongEntityNameForTheBillingAccountOwnerParty {

	@Id
	Long id;

	String name;

}
