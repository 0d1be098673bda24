package dev.migrations.autogenerate.scenarios.constraints.primarykeyextended.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

@Entity
@IdClass(MembershipId.class)
public class Membership {

	@Id
	Long userId;

	@Id
	Long groupId;

	String role;

}
