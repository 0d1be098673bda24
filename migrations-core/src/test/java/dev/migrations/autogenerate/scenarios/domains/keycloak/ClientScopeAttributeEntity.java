package dev.migrations.autogenerate.scenarios.domains.keycloak;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Table(name = "CLIENT_SCOPE_ATTRIBUTES")
@Entity
@IdClass(ClientScopeAttributeEntity.Key.class)
public class ClientScopeAttributeEntity {

	@Id
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "SCOPE_ID")
	protected ClientScopeEntity clientScope;

	@Id
	@Column(name = "NAME")
	protected String name;

	@Column(name = "VALUE", length = 2048)
	protected String value;

	public static class Key implements Serializable {

		protected ClientScopeEntity clientScope;

		protected String name;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && java.util.Objects.equals(this.name, key.name)
					&& java.util.Objects.equals(this.clientScope, key.clientScope);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.clientScope, this.name);
		}

	}

}
