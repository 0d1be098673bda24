package dev.migrations.autogenerate.scenarios.constraints.columnunique.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Member {

	@Id
	Long id;

	String nickname;

	@Column(unique = true)
	String email;

}
