package dev.migrations.autogenerate.scenarios.constraints.manytoone.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Book {

	@Id
	Long id;

	String title;

	@ManyToOne
	Author author;

}
