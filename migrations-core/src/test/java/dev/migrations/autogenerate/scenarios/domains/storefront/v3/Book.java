package dev.migrations.autogenerate.scenarios.domains.storefront.v3;

import java.time.Year;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Entity
@DiscriminatorValue("BOOK")
public class Book extends Product {

	@Size(max = 17)
	private String isbn;

	private Year publicationYear;

	@Positive
	private Integer pages;

	@Size(max = 120)
	private String publisher;

}
