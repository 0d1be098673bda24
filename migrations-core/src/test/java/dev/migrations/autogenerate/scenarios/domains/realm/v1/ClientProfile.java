package dev.migrations.autogenerate.scenarios.domains.realm.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

@Entity
public class ClientProfile {

	@Id
	private Long id;

	@OneToOne
	@MapsId
	private ClientEntity client;

	private String homepage;

}
