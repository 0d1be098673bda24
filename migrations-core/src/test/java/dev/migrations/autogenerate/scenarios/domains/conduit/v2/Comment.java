package dev.migrations.autogenerate.scenarios.domains.conduit.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.SQLRestriction;

import dev.migrations.autogenerate.scenarios.domains.conduit.AuditedEntity;

@Entity
@Table(name = "comments", indexes = { @Index(name = "ix_comments_article", columnList = "article_id, created_at"), @Index(name = "ix_comments_author", columnList = "author_id") })
@SQLRestriction("deleted = false")
public class Comment extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
	@SequenceGenerator(name = "comment_seq", sequenceName = "comment_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id")
	private User author;

	@NotBlank
	@Column(columnDefinition = "text")
	private String body;

	@ColumnDefault("false")
	@Column(nullable = false)
	private boolean deleted;

}
