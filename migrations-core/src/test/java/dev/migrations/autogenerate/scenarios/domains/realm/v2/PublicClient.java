package dev.migrations.autogenerate.scenarios.domains.realm.v2;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("2")
public class PublicClient extends ClientEntity {

	private Boolean pkceRequired;

}
