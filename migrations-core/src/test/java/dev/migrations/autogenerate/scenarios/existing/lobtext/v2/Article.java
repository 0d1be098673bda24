package dev.migrations.autogenerate.scenarios.existing.lobtext.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/** The same fields as {@code @Lob}, which PostgreSQL stores as large objects ({@code oid}). */
@Entity
public class Article {

	@Id
	Long id;

	String title;

	@Lob
	String body;

	@Lob
	byte[] attachment;

}
