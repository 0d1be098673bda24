package dev.migrations.autogenerate.scenarios.hibernate.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Ingredient {

	@Column(nullable = false)
	String name;

	Integer grams;

}
