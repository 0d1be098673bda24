package dev.migrations.autogenerate.scenarios.apps.fitness.v1;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.fitness.WorkoutKind;

@Entity
@Table(name = "workout")
public class Workout implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "started_at", nullable = false)
	Instant startedAt;

	@Column(name = "duration")
	Duration duration;

	@Min(0)
	@Column(name = "calories")
	Integer calories;

	@Enumerated(EnumType.STRING)
	@Column(name = "kind")
	WorkoutKind kind;

	@ManyToOne(optional = false)
	@NotNull
	Member member;

}
