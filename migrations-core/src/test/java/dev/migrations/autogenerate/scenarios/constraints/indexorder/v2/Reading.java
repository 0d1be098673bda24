package dev.migrations.autogenerate.scenarios.constraints.indexorder.v2;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "ix_reading_lookup", columnList = "taken_at, sensor"))
public class Reading {

	@Id
	Long id;

	String sensor;

	Instant takenAt;

}
