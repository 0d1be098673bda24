package dev.migrations.autogenerate.scenarios.columns.renamefk.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Owner {

	@Id
	@GeneratedValue
	Long id;

	String name;

}
