package dev.migrations.autogenerate.scenarios.domains.conduit.v2;

import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.Formula;

import dev.migrations.autogenerate.scenarios.domains.conduit.AuditedEntity;
import dev.migrations.autogenerate.scenarios.domains.conduit.Tag;

@Entity
@Table(name = "articles")
public class Article extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id")
	private User author;

	@NotBlank
	@Column(unique = true)
	private String slug;

	@NotBlank
	@Size(max = 150)
	private String title;

	private String description;

	@Lob
	@NotBlank
	private String body;

	@Formula("(select count(*) from article_favorites f where f.article_id = id)")
	private int favoritesCount;

	@ManyToMany
	@JoinTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"),
			uniqueConstraints = @UniqueConstraint(name = "uk_article_tag", columnNames = { "article_id", "tag_id" }))
	private Set<Tag> tags;

}
