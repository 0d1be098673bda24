package dev.migrations.autogenerate.scenarios.domains.keycloak;

import java.util.Map;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "PROTOCOL_MAPPER")
public class ProtocolMapperEntity {

	@Id
	@Column(name = "ID", length = 36)
	@Access(AccessType.PROPERTY)
	protected String id;

	@Column(name = "NAME")
	protected String name;

	@Column(name = "PROTOCOL")
	protected String protocol;

	@Column(name = "PROTOCOL_MAPPER_NAME")
	protected String protocolMapper;

	@ElementCollection
	@MapKeyColumn(name = "NAME")
	@Column(name = "VALUE")
	@CollectionTable(name = "PROTOCOL_MAPPER_CONFIG", joinColumns = { @JoinColumn(name = "PROTOCOL_MAPPER_ID") })
	private Map<String, String> config;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CLIENT_ID")
	private ClientEntity client;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CLIENT_SCOPE_ID")
	private ClientScopeEntity clientScope;

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

}
