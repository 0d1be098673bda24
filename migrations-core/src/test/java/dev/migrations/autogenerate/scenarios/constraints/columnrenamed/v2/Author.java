package dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Author {

	@Id
	Long id;

	String name;

}
