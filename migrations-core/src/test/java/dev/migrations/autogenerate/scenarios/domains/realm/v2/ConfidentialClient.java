package dev.migrations.autogenerate.scenarios.domains.realm.v2;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@DiscriminatorValue("1")
public class ConfidentialClient extends ClientEntity {

	@NotNull
	private String secret;

	@Size(max = 512)
	private String jwksUrl;

}
