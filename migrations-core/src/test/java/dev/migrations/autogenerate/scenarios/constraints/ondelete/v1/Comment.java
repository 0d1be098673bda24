package dev.migrations.autogenerate.scenarios.constraints.ondelete.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Comment {

	@Id
	Long id;

	String body;

	@ManyToOne
	Post post;

}
