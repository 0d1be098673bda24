package dev.migrations.autogenerate.scenarios.constraints.manytomany.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Article {

	@Id
	Long id;

	String title;

}
