package dev.migrations.autogenerate.scenarios.domains.identity;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

/** A link to an identity provider, keyed by the user and the provider: an embedded id sharing the user's key. */
@Entity
@Table(name = "FEDERATED_IDENTITY")
public class FederatedIdentityEntity {

	@EmbeddedId
	private FederatedIdentityId key;

	@MapsId("userId")
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "USER_ID")
	private UserEntity user;

	@Column(name = "REALM_ID", length = 36)
	private String realmId;

	@Column(name = "FEDERATED_USER_ID")
	private String federatedUserId;

	@Column(name = "TOKEN", length = 4000)
	private String token;

}
