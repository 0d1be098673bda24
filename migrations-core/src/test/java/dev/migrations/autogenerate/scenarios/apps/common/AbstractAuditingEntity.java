package dev.migrations.autogenerate.scenarios.apps.common;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.Size;

/**
 * The audit columns every entity of a JHipster application inherits.
 */
@MappedSuperclass
public abstract class AbstractAuditingEntity<T> implements Serializable {

	private static final long serialVersionUID = 1L;

	@Column(name = "created_by", nullable = false, length = 50, updatable = false)
	String createdBy;

	@Column(name = "created_date", updatable = false)
	Instant createdDate = Instant.now();

	@Size(max = 50)
	@Column(name = "last_modified_by", length = 50)
	String lastModifiedBy;

	@Column(name = "last_modified_date")
	Instant lastModifiedDate = Instant.now();

	public abstract T getId();

}
