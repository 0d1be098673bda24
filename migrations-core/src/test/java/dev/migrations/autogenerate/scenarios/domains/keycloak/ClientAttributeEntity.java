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

/** An {@code @IdClass} whose key holds a many-to-one. */
@Table(name = "CLIENT_ATTRIBUTES")
@Entity
@IdClass(ClientAttributeEntity.Key.class)
public class ClientAttributeEntity {

	@Id
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CLIENT_ID")
	protected ClientEntity client;

	@Id
	@Column(name = "NAME")
	protected String name;

	@Column(name = "VALUE", length = 4000)
	protected String value;

	public static class Key implements Serializable {

		protected ClientEntity client;

		protected String name;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && java.util.Objects.equals(this.name, key.name)
					&& java.util.Objects.equals(this.client, key.client);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.client, this.name);
		}

	}

}
