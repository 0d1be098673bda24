package dev.migrations.autogenerate.scenarios.columns.reserved.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Mapped to the reserved word {@code user}, quoted in the mapping. */
@Entity
@Table(name = "\"user\"")
public class User {

	@Id
	@GeneratedValue
	Long id;

	String login;

	String email;

}
