package dev.migrations.autogenerate.scenarios.domains.conduit;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "article_favorites")
@IdClass(Favorite.Key.class)
public class Favorite {

	@Id
	private Long articleId;

	@Id
	private UUID userId;

	private OffsetDateTime favoritedAt;

	public static class Key implements Serializable {

		Long articleId;

		UUID userId;

	}

}
