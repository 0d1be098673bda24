package dev.migrations.autogenerate.scenarios.constraints.cutnames;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A table name past PostgreSQL's 63 bytes, and a collection table named after it: both are cut to the
 * same 63 bytes.
 */
@Entity
public class CustomerSubscriptionBillingAgreementHistoryRecordOfTheCustomer {

	@Id
	Long id;

	@ElementCollection
	Set<String> documentReferences = new HashSet<>();

}
