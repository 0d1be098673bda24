package dev.migrations.autogenerate.scenarios.columns.identifiers.v2;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(indexes = @Index(name = "ix_customer_subscription_billing_agreement_history_record_effective_date_and_more", columnList = "effectiveDateOfTheAgreement"),
		uniqueConstraints = @UniqueConstraint(name = "uq_customer_subscription_billing_agreement_history_record_reference_number", columnNames = "referenceNumber"))
public class CustomerSubscriptionBillingAgreementHistoryRec {

	@Id
	Long id;

	String effectiveDateOfTheAgreement;

	String referenceNumber;

	String anExtremelyLongColumnNameThatIsDefinitelyLongerThanSixtyThreeBytesInTotal;

	String addedLaterWithAnotherVeryLongColumnNameThatGoesPastTheLimitForSure;
	@ElementCollection
	Set<String> attachedDocumentReferencesForTheAgreement = new HashSet<>();

	@ManyToMany
	Set<AnotherRatherLongEntityNameForTheBillingAccountOwnerParty> owners = new HashSet<>();

	@ManyToOne
	@JoinColumn(foreignKey = @ForeignKey(name = "fk_customer_subscription_billing_agreement_history_record_owner_party_main"))
	AnotherRatherLongEntityNameForTheBillingAccountOwnerParty mainOwner;

}
