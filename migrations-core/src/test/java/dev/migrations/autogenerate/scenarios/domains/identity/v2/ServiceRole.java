package dev.migrations.autogenerate.scenarios.domains.identity.v2;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import dev.migrations.autogenerate.scenarios.domains.identity.RoleEntity;

@Entity
@DiscriminatorValue("S")
public class ServiceRole extends RoleEntity {

	@Column(name = "SERVICE_ACCOUNT", length = 36)
	private String serviceAccount;

}
