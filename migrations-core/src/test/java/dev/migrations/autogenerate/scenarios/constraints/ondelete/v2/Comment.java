package dev.migrations.autogenerate.scenarios.constraints.ondelete.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
public class Comment {

	@Id
	Long id;

	String body;

	@ManyToOne
	@OnDelete(action = OnDeleteAction.CASCADE)
	Post post;

}
