package dev.migrations.autogenerate.scenarios.columns.dropnotnull.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Account {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false)
	String email;

}
