package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Tokens, joined inheritance: a unique constraint over the user and the discriminator, an index named by
 * the application over the user's column.
 */
@Table(name = "TOKENS", uniqueConstraints = { @UniqueConstraint(columnNames = { "USER_ID", "PURPOSE" }) },
		indexes = { @Index(name = "idx_token_user_id", columnList = "USER_ID") })
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(discriminatorType = DiscriminatorType.STRING, name = "purpose")
public abstract class VerificationToken extends AbstractEntity {

	@Column(name = "TOKEN", nullable = false)
	private String token;

	@Column(name = "EXPIRATION_DATE", nullable = false)
	private Instant expirationDate;

	@ManyToOne
	@JoinColumn(name = "USER_ID", referencedColumnName = "ID", nullable = false, updatable = false)
	private User user;

}
