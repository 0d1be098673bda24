package dev.migrations.autogenerate.otherschema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Mapped to a schema of its own, which autogenerate does not compare. */
@Entity
@Table(name = "counter", schema = "audit")
public class Counter {

	@Id
	private Long id;

	private long hits;

}
