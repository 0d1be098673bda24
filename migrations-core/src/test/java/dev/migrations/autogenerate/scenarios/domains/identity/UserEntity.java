package dev.migrations.autogenerate.scenarios.domains.identity;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.hibernate.annotations.Nationalized;
import org.hibernate.annotations.UuidGenerator;

/** A user of a realm; the realm is referenced by its id, without a foreign key, as Keycloak does. */
@Entity
@Table(name = "USER_ENTITY",
		uniqueConstraints = { @UniqueConstraint(columnNames = { "REALM_ID", "USERNAME" }),
				@UniqueConstraint(columnNames = { "REALM_ID", "EMAIL_CONSTRAINT" }) },
		indexes = { @Index(name = "IDX_USER_EMAIL", columnList = "EMAIL"),
				@Index(name = "IDX_USER_SERVICE_ACCOUNT", columnList = "REALM_ID, SERVICE_ACCOUNT_CLIENT_LINK") })
public class UserEntity {

	@Id
	@UuidGenerator
	@Column(name = "ID")
	private UUID id;

	@Nationalized
	@Column(name = "USERNAME")
	private String username;

	@Nationalized
	@Column(name = "FIRST_NAME")
	private String firstName;

	@Column(name = "CREATED_TIMESTAMP")
	private Long createdTimestamp;

	@Temporal(TemporalType.TIMESTAMP)
	@Column(name = "LAST_LOGIN")
	private Date lastLogin;

	@Temporal(TemporalType.DATE)
	@Column(name = "BIRTH_DATE")
	private Date birthDate;

	@Column(name = "EMAIL")
	private String email;

	@Column(name = "ENABLED")
	private boolean enabled;

	@Column(name = "EMAIL_CONSTRAINT")
	private String emailConstraint;

	@Column(name = "EMAIL_VERIFIED")
	private boolean emailVerified;

	@Column(name = "REALM_ID", length = 36)
	private String realmId;

	@Column(name = "SERVICE_ACCOUNT_CLIENT_LINK")
	private String serviceAccountClientLink;

	@Column(name = "NOT_BEFORE")
	private int notBefore;

	@Lob
	@Column(name = "AVATAR")
	private byte[] avatar;

	@Column(name = "THUMBNAIL")
	private byte[] thumbnail;

	@Version
	@Column(name = "VERSION")
	private int version;

	@OneToMany(mappedBy = "user", cascade = CascadeType.REMOVE, orphanRemoval = true)
	@OrderBy("priority")
	private List<CredentialEntity> credentials = new ArrayList<>();

}
