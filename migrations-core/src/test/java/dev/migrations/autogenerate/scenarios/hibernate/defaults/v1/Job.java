package dev.migrations.autogenerate.scenarios.hibernate.defaults.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Job {

	@Id
	Long id;

	@ColumnDefault("0")
	Integer retries;

	@ColumnDefault("'queued'")
	String state;

	@ColumnDefault("true")
	Boolean enabled;

}
