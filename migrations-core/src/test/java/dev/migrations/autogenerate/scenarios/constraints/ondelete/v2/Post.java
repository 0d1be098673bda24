package dev.migrations.autogenerate.scenarios.constraints.ondelete.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Post {

	@Id
	Long id;

	String title;

}
