package dev.migrations.autogenerate.scenarios.apps.events.v2;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "event")
public class Event implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "name", nullable = false)
	String name;

	@NotNull
	@Column(name = "starts_at", nullable = false)
	ZonedDateTime startsAt;

	@Column(name = "duration")
	Duration duration;

	@Column(name = "day")
	LocalDate day;

	@Column(name = "doors_open")
	LocalTime doorsOpen;

	@Column(name = "created_at")
	Instant createdAt;

	@Column(name = "ends_at")
	ZonedDateTime endsAt;

	@Column(name = "reminder_at")
	LocalDateTime reminderAt;

}
