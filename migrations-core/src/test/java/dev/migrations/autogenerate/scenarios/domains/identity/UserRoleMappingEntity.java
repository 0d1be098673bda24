package dev.migrations.autogenerate.scenarios.domains.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Which roles a user holds: an {@code @IdClass} key made of a relationship and a plain column. */
@Entity
@Table(name = "USER_ROLE_MAPPING", indexes = @Index(name = "IDX_USER_ROLE_MAPPING", columnList = "USER_ID"))
@IdClass(UserRoleMappingKey.class)
public class UserRoleMappingEntity {

	@Id
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "USER_ID")
	private UserEntity user;

	@Id
	@Column(name = "ROLE_ID", length = 36)
	private String roleId;

}
