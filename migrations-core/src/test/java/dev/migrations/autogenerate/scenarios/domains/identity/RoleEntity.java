package dev.migrations.autogenerate.scenarios.domains.identity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Realm and client roles in one table told apart by a one-character kind, as Keycloak's KEYCLOAK_ROLE. */
@Entity
@Table(name = "KEYCLOAK_ROLE", uniqueConstraints = @UniqueConstraint(name = "UK_ROLE_REALM_NAME", columnNames = { "REALM_ID", "NAME" }))
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "ROLE_KIND", discriminatorType = DiscriminatorType.CHAR)
@DiscriminatorValue("B")
public abstract class RoleEntity {

	@Id
	@Column(name = "ID", length = 36)
	private String id;

	@Column(name = "NAME")
	private String name;

	@Column(name = "REALM_ID", length = 36)
	private String realmId;

	@Column(name = "DESCRIPTION")
	private String description;

}
