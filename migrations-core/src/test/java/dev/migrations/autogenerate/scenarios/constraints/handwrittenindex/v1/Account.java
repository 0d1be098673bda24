package dev.migrations.autogenerate.scenarios.constraints.handwrittenindex.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {

	@Id
	Long id;

	String email;

	String bio;

}
