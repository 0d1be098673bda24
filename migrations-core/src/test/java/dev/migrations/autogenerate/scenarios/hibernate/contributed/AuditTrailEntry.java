package dev.migrations.autogenerate.scenarios.hibernate.contributed;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The table {@link AuditTrailContributor} contributes; no entity source lists it. */
@Entity
public class AuditTrailEntry {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 60)
	String entityName;

	Instant changedAt;

}
