package dev.migrations.autogenerate.scenarios.constraints.noconstraint.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Post {

	@Id
	Long id;

	String title;

}
