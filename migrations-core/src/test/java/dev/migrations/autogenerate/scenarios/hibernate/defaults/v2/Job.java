package dev.migrations.autogenerate.scenarios.hibernate.defaults.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Job {

	@Id
	Long id;

	@ColumnDefault("3")
	Integer retries;

	@ColumnDefault("'queued'")
	String state;

	@ColumnDefault("true")
	Boolean enabled;

	@ColumnDefault("current_timestamp")
	Instant createdAt;

}
