package dev.migrations.autogenerate.scenarios.columns.renamefk.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Pet {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	Owner keeper;

}
