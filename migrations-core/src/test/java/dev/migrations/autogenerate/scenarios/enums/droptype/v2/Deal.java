package dev.migrations.autogenerate.scenarios.enums.droptype.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Deal {

	@Id
	Long id;

	String title;

}
