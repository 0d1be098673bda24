package dev.migrations.autogenerate.scenarios.enums.notnullenum.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Deal {

	@Id
	Long id;

	String title;

}
