package dev.migrations.autogenerate.scenarios.constraints.manytoone.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Book {

	@Id
	Long id;

	String title;

}
