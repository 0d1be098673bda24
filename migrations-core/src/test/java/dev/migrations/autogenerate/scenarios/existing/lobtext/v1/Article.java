package dev.migrations.autogenerate.scenarios.existing.lobtext.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Text and bytes in the row, as a hand-written or Liquibase-built schema keeps them. */
@Entity
public class Article {

	@Id
	Long id;

	String title;

	@Column(columnDefinition = "text")
	String body;

	byte[] attachment;

}
