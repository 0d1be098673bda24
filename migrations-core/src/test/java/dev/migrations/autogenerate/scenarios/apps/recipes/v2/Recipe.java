package dev.migrations.autogenerate.scenarios.apps.recipes.v2;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.recipes.Ingredient;

@Entity
@Table(name = "recipe")
public class Recipe implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Size(max = 80)
	@Column(name = "title")
	String title;

	@ElementCollection
	@CollectionTable(name = "recipe_ingredient", joinColumns = @JoinColumn(name = "recipe_id"))
	List<Ingredient> ingredients;

	@ElementCollection
	@CollectionTable(name = "recipe_nutrition", joinColumns = @JoinColumn(name = "recipe_id"))
	@MapKeyColumn(name = "nutrient", length = 30)
	@Column(name = "amount")
	Map<String, BigDecimal> nutrition;

}
