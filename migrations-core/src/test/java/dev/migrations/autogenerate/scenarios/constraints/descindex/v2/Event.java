package dev.migrations.autogenerate.scenarios.constraints.descindex.v2;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = { @Index(columnList = "created_at desc"), @Index(columnList = "kind asc, created_at desc") })
public class Event {

	@Id
	Long id;

	String kind;

	Instant createdAt;

}
