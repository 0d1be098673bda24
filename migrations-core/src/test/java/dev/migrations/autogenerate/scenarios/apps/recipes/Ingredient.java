package dev.migrations.autogenerate.scenarios.apps.recipes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class Ingredient {

	// Hibernate applies no Bean Validation to the elements of a collection table
	@NotNull
	@Size(max = 80)
	@Column(name = "name")
	String name;

	@Min(0)
	@Column(name = "grams")
	Integer grams;

}
