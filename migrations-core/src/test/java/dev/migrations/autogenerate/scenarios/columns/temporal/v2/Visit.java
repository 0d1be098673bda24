package dev.migrations.autogenerate.scenarios.columns.temporal.v2;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Visit {

	@Id
	@GeneratedValue
	Long id;

	Instant startedAt;

	@Column(secondPrecision = 3)
	LocalDateTime endedAt;

	LocalDateTime day;

}
