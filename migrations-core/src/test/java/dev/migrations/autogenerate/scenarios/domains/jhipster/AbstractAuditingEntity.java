package dev.migrations.autogenerate.scenarios.domains.jhipster;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The auditing columns JHipster puts on its user: who and when, created and last modified. */
@MappedSuperclass
public abstract class AbstractAuditingEntity {

	@Column(name = "created_by", nullable = false, length = 50, updatable = false)
	private String createdBy;

	@Column(name = "created_date", updatable = false)
	private Instant createdDate = Instant.now();

	@Column(name = "last_modified_by", length = 50)
	private String lastModifiedBy;

	@Column(name = "last_modified_date")
	private Instant lastModifiedDate = Instant.now();

}
