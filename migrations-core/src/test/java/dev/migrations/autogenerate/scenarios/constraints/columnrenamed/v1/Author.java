package dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Author {

	@Id
	Long id;

	String name;

}
