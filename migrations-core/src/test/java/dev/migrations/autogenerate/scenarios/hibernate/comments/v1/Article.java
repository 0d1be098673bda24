package dev.migrations.autogenerate.scenarios.hibernate.comments.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Comment;

@Entity
@Comment("Published articles")
public class Article {

	@Id
	Long id;

	@Comment("the headline shown in lists")
	String title;

}
