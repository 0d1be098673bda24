package dev.migrations.autogenerate.scenarios.constraints.noconstraint.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class Comment {

	@Id
	Long id;

	String body;

	@ManyToOne
	@JoinColumn(foreignKey = @ForeignKey(name = "fk_comment_post"))
	Post post;

}
