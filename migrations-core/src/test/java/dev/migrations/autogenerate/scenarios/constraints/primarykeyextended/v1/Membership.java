package dev.migrations.autogenerate.scenarios.constraints.primarykeyextended.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Membership {

	@Id
	Long userId;

	@Column(nullable = false)
	Long groupId;

	String role;

}
