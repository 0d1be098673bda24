package dev.migrations.autogenerate.scenarios.existing.tooltables.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {

	@Id
	Long id;

	String email;

}
