package dev.migrations.autogenerate.scenarios.constraints.partialindex.v2;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = { @Index(name = "ix_job_pending", columnList = "run_at", options = "where status = 'PENDING'"),
		@Index(name = "ix_job_queue", columnList = "queue", options = "include (status, run_at)") })
public class Job {

	@Id
	Long id;

	String status;

	Instant runAt;

	String queue;

}
