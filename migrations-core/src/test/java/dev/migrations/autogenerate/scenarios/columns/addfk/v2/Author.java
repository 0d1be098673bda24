package dev.migrations.autogenerate.scenarios.columns.addfk.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Author {

	@Id
	@GeneratedValue
	Long id;

	String name;

}
