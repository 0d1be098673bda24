package dev.migrations.autogenerate.scenarios.columns.temporal.v1;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Visit {

	@Id
	@GeneratedValue
	Long id;

	LocalDateTime startedAt;

	LocalDateTime endedAt;

	LocalDate day;

}
