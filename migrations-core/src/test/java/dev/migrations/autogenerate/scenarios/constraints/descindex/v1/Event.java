package dev.migrations.autogenerate.scenarios.constraints.descindex.v1;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Event {

	@Id
	Long id;

	String kind;

	Instant createdAt;

}
