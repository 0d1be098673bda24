package dev.migrations.autogenerate.scenarios.domains.identity;

import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.Length;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "CREDENTIAL")
public class CredentialEntity {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.TIME)
	@Column(name = "ID")
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "USER_ID")
	private UserEntity user;

	@Column(name = "TYPE")
	private String type;

	@Column(name = "USER_LABEL")
	private String userLabel;

	@Column(name = "SECRET_DATA", length = Length.LONG32)
	private String secretData;

	@Column(name = "CREDENTIAL_DATA", columnDefinition = "text")
	private String credentialData;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "METADATA")
	private Map<String, Object> metadata;

	@Column(name = "PRIORITY")
	private Integer priority;

	@Column(name = "CREATED_DATE")
	private Long createdDate;

}
