package dev.migrations.autogenerate.scenarios.constraints.longnames.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class SubscriptionBillingAgreementAmendment {

	@Id
	Long id;

	String effectiveCustomerReferenceNumber;

	String internalSettlementReconciliationCode;

}
