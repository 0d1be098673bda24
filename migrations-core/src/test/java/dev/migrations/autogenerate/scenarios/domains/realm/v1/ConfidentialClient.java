package dev.migrations.autogenerate.scenarios.domains.realm.v1;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;

@Entity
@DiscriminatorValue("1")
public class ConfidentialClient extends ClientEntity {

	@NotNull
	private String secret;

}
