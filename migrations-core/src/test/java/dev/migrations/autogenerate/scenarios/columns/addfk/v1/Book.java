package dev.migrations.autogenerate.scenarios.columns.addfk.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Book {

	@Id
	@GeneratedValue
	Long id;

	String title;

}
