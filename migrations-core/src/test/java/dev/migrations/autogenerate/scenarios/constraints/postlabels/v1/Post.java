package dev.migrations.autogenerate.scenarios.constraints.postlabels.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Post {

	@Id
	@GeneratedValue
	Long id;

	String title;

}
