package dev.migrations.autogenerate.scenarios.constraints.longnames.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(indexes = @Index(columnList = "effective_customer_reference_number, internal_settlement_reconciliation_code"),
		uniqueConstraints = @UniqueConstraint(columnNames = { "internal_settlement_reconciliation_code",
				"effective_customer_reference_number" }))
public class SubscriptionBillingAgreementAmendment {

	@Id
	Long id;

	@Column(unique = true)
	String effectiveCustomerReferenceNumber;

	String internalSettlementReconciliationCode;

	@ManyToOne
	SubscriptionBillingAgreementRevision subscriptionBillingAgreementRevision;

}
