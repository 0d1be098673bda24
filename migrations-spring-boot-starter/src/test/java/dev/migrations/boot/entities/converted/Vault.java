package dev.migrations.boot.entities.converted;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose converter is a Spring bean with a dependency, as Spring's Hibernate creates it. */
@Entity
public class Vault {

	@Id
	private Long id;

	@Convert(converter = SealedConverter.class)
	private String secret;

	protected Vault() {
	}

}
