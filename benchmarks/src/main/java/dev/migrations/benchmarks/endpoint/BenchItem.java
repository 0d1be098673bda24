package dev.migrations.benchmarks.endpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one entity of the P4 application, so that the drift monitor has something to compare: its
 * table is created by the last revision, exactly as mapped here, so the drift report is empty.
 */
@Entity
@Table(name = "bench_item")
public class BenchItem {

	@Id
	private Long id;

	@Column(nullable = false, length = 100)
	private String name;

	protected BenchItem() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
