package dev.migrations.autogenerate.scenarios.constraints.keytouuid.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Entry {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	Account account;

}
