package dev.migrations.boot.tenantdrift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity of the tenant drift tests: every tenant's schema has its table. */
@Entity
public class Ledger {

	@Id
	private Long id;

	@Column(nullable = false, length = 80)
	private String name;

	protected Ledger() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
