package dev.migrations.autogenerate.scenarios.hibernate.naturalid.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.NaturalId;

@Entity
public class Book {

	@Id
	@GeneratedValue
	Long id;

	@NaturalId
	String isbn;

	String title;

	@NaturalId
	Integer edition;

}
