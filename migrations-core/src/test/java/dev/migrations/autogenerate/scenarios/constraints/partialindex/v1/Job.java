package dev.migrations.autogenerate.scenarios.constraints.partialindex.v1;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Job {

	@Id
	Long id;

	String status;

	Instant runAt;

	String queue;

}
