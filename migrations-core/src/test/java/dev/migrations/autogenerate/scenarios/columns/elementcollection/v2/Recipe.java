package dev.migrations.autogenerate.scenarios.columns.elementcollection.v2;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Recipe {

	@Id
	@GeneratedValue
	Long id;

	String title;

	@ElementCollection
	List<String> tags = new ArrayList<>();

}
