package dev.migrations.autogenerate.scenarios.columns.addfk.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Book {

	@Id
	@GeneratedValue
	Long id;

	String title;

	@ManyToOne
	Author author;

}
