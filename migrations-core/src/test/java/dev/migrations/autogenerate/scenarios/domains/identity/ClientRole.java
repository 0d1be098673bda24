package dev.migrations.autogenerate.scenarios.domains.identity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("C")
public class ClientRole extends RoleEntity {

	@Column(name = "CLIENT", length = 36)
	private String clientId;

}
