package dev.migrations.sample.bulletin;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A documented case: a title, a review status, labels and free-form metadata (JSONB). */
@Entity
@Table(indexes = @Index(name = "ix_bulletin_status", columnList = "status"))
public class Bulletin {

	@Id
	@GeneratedValue
	private Long id;

	@Column(nullable = false)
	private String title;

	@Column(columnDefinition = "text")
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private BulletinStatus status = BulletinStatus.DRAFT;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> metadata = new HashMap<>();

	@ManyToMany
	@JoinTable(name = "bulletin_labels")
	private Set<Label> labels = new LinkedHashSet<>();

	@Column(nullable = false)
	private Instant createdAt = Instant.now();

	protected Bulletin() {
	}

	public Bulletin(String title) {
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public BulletinStatus getStatus() {
		return this.status;
	}

	public void setStatus(BulletinStatus status) {
		this.status = status;
	}

	public Map<String, Object> getMetadata() {
		return this.metadata;
	}

	public void setMetadata(Map<String, Object> metadata) {
		this.metadata = metadata;
	}

	public Set<Label> getLabels() {
		return this.labels;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
