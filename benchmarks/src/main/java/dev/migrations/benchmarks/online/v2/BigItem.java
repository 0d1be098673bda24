package dev.migrations.benchmarks.online.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** v2: an index on v, category_id a foreign key, note required. */
@Entity
@Table(indexes = @Index(name = "ix_big_item_v", columnList = "v"))
public class BigItem {

	@Id
	Long id;

	String v;

	@ManyToOne
	@JoinColumn(name = "category_id")
	Category category;

	@Column(nullable = false)
	String note;

}
