package dev.migrations.tenantcheck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity of the tenant drift tests: each tenant's schema has its table. */
@Entity
public class Ledger {

	@Id
	Long id;

	@Column(nullable = false, length = 80)
	String name;

}
