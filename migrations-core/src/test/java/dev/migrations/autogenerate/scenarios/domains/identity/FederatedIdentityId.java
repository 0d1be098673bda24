package dev.migrations.autogenerate.scenarios.domains.identity;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class FederatedIdentityId implements Serializable {

	private UUID userId;

	@Column(name = "IDENTITY_PROVIDER")
	private String identityProvider;

	@Override
	public boolean equals(Object other) {
		return other instanceof FederatedIdentityId id && java.util.Objects.equals(this.userId, id.userId)
				&& java.util.Objects.equals(this.identityProvider, id.identityProvider);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(this.userId, this.identityProvider);
	}

}
