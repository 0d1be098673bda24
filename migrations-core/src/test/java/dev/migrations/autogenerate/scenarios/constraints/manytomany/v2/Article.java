package dev.migrations.autogenerate.scenarios.constraints.manytomany.v2;

import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
public class Article {

	@Id
	Long id;

	String title;

	@ManyToMany
	Set<Tag> tags;

}
