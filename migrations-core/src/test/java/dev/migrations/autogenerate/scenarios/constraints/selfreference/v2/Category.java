package dev.migrations.autogenerate.scenarios.constraints.selfreference.v2;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

@Entity
public class Category {

	@Id
	Long id;

	String name;

	@ManyToOne
	Category parent;

	@OneToMany(mappedBy = "parent")
	List<Category> children;

}
