package dev.migrations.sample.crm;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data repositories of the CRM part. */
final class CrmRepositories {

	private CrmRepositories() {
	}

	interface Contacts extends JpaRepository<Contact, Long> {

	}

	interface Deals extends JpaRepository<Deal, Long> {

	}

}
