package dev.migrations.autogenerate.scenarios.constraints.onetoone.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Passport {

	@Id
	Long id;

	String number;

}
