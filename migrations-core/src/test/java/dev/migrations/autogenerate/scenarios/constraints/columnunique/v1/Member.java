package dev.migrations.autogenerate.scenarios.constraints.columnunique.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Member {

	@Id
	Long id;

	@Column(unique = true)
	String nickname;

	String email;

}
