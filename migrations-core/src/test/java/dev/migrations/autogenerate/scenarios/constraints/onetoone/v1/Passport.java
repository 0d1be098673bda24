package dev.migrations.autogenerate.scenarios.constraints.onetoone.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Passport {

	@Id
	Long id;

	String number;

}
