package dev.migrations.autogenerate.scenarios.hibernate.comments.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Comment;

@Entity
@Comment("Published articles")
public class Article {

	@Id
	Long id;

	@Comment("the headline on the front page")
	String title;

	@Comment("who wrote it")
	String byline;

}
