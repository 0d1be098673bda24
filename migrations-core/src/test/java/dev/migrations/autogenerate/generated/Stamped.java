package dev.migrations.autogenerate.generated;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** Timestamps Hibernate generates. */
@Entity
public class Stamped {

	@Id
	private Long id;

	@CreationTimestamp
	private Instant createdAt;

	@UpdateTimestamp
	private LocalDateTime updatedAt;

}
