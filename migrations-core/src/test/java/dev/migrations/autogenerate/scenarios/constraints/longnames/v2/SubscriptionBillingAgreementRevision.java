package dev.migrations.autogenerate.scenarios.constraints.longnames.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class SubscriptionBillingAgreementRevision {

	@Id
	Long id;

	String name;

}
