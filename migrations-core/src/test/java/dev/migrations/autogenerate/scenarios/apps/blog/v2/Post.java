package dev.migrations.autogenerate.scenarios.apps.blog.v2;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "post")
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Post implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "title", nullable = false)
	String title;

	@Lob
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	@Column(name = "content", nullable = false)
	String content;

	@NotNull
	@Column(name = "date", nullable = false)
	Instant date;

	@Size(max = 500)
	@Column(name = "summary")
	String summary;

	@ManyToOne(fetch = FetchType.LAZY)
	Blog blog;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "rel_post__tag", joinColumns = @JoinColumn(name = "post_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	Set<Tag> tags = new HashSet<>();

}
