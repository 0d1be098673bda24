package dev.migrations.autogenerate.scenarios.domains.conduit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** The auditing columns Spring Data's {@code @CreatedDate}/{@code @LastModifiedDate} fill, with a version. */
@MappedSuperclass
public abstract class AuditedEntity {

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

}
