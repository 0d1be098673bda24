package dev.migrations.autogenerate.scenarios.domains.authorizationserver;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A consent, keyed by client and principal through an {@code @IdClass}, in a table whose quoted name is in
 * camel case (kept so by Hibernate's standard naming, split by Spring Boot's).
 */
@Entity
@Table(name = "`authorizationConsent`")
@IdClass(AuthorizationConsent.AuthorizationConsentId.class)
public class AuthorizationConsent {

	@Id
	private String registeredClientId;

	@Id
	private String principalName;

	@Column(length = 1000)
	private String authorities;

	public static class AuthorizationConsentId implements Serializable {

		private String registeredClientId;

		private String principalName;

		@Override
		public boolean equals(Object other) {
			return other instanceof AuthorizationConsentId that && Objects.equals(this.registeredClientId, that.registeredClientId)
					&& Objects.equals(this.principalName, that.principalName);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.registeredClientId, this.principalName);
		}

	}

}
