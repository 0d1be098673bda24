package dev.migrations.autogenerate.scenarios.hibernate.collections.v1;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.autogenerate.scenarios.hibernate.collections.Ingredient;

@Entity
public class Recipe {

	@Id
	Long id;

	String title;

	@ElementCollection
	Set<String> tags;

	@ElementCollection
	@CollectionTable(name = "recipe_step", joinColumns = @JoinColumn(name = "recipe"))
	@OrderColumn(name = "position")
	@Column(name = "instruction", length = 500)
	List<String> steps;

	@ElementCollection
	@MapKeyColumn(name = "unit", length = 20)
	@Column(name = "amount")
	Map<String, Integer> quantities;

	@ElementCollection
	List<Ingredient> ingredients;

}
