package dev.migrations.autogenerate.scenarios.constraints.postlabels.v2;

import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
public class Post {

	@Id
	@GeneratedValue
	Long id;

	String title;

	@ManyToMany
	Set<Label> labels;

	@ElementCollection
	Set<String> keywords;

}
