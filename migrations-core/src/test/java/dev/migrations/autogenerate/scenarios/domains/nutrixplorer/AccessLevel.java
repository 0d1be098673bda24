package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A user's access level, joined inheritance with a discriminator column named in lower case that a unique
 * constraint names in capitals.
 */
@Entity
@Table(name = "ACCESS_LEVELS", uniqueConstraints = { @UniqueConstraint(columnNames = { "USER_ID", "LEVEL" }) })
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(discriminatorType = DiscriminatorType.STRING, name = "level")
public abstract class AccessLevel extends AbstractEntity {

	@Column(name = "ACTIVE", nullable = false)
	private boolean active;

	@JoinColumn(name = "USER_ID", referencedColumnName = "ID", nullable = false, updatable = false)
	@ManyToOne(optional = false, cascade = CascadeType.PERSIST)
	private User user;

}
