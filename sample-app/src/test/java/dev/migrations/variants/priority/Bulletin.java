package dev.migrations.variants.priority;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.migrations.sample.bulletin.BulletinStatus;
import dev.migrations.sample.bulletin.Label;
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

/** The sample's {@code Bulletin}, mapped to the same table, with a new indexed {@code priority} column. */
@Entity
@Table(indexes = { @Index(name = "ix_bulletin_status", columnList = "status"),
		@Index(name = "ix_bulletin_priority", columnList = "priority") })
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

	private Integer priority;

}
