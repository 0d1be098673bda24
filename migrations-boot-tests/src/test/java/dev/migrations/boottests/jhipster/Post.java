package dev.migrations.boottests.jhipster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "post")
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Post extends AbstractAuditingEntity<Long> {

	public enum Visibility {

		PUBLIC, MEMBERS, PRIVATE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	private Long id;

	@Column(name = "title", length = 120, nullable = false)
	private String title;

	@Column(name = "slug", unique = true)
	private String slug;

	@Lob
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "content", nullable = false)
	private String content;

	@Lob
	@Column(name = "cover")
	private byte[] cover;

	@Column(name = "cover_content_type")
	private String coverContentType;

	@Column(name = "rating", precision = 21, scale = 2)
	private BigDecimal rating;

	@Column(name = "views")
	private Integer views;

	@Enumerated(EnumType.STRING)
	@Column(name = "visibility")
	private Visibility visibility;

	@Column(name = "published_on")
	private LocalDate publishedOn;

	@Column(name = "pinned_until")
	private Instant pinnedUntil;

	@ManyToOne(fetch = FetchType.LAZY)
	@JsonIgnoreProperties(value = { "authorities" }, allowSetters = true)
	private User author;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "rel_post__tag", joinColumns = @JoinColumn(name = "post_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	@JsonIgnoreProperties(value = { "posts" }, allowSetters = true)
	private Set<Tag> tags = new HashSet<>();

	@Override
	public Long getId() {
		return this.id;
	}

}
