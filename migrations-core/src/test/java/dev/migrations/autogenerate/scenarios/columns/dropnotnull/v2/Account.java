package dev.migrations.autogenerate.scenarios.columns.dropnotnull.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Account {

	@Id
	@GeneratedValue
	Long id;

	String email;

}
