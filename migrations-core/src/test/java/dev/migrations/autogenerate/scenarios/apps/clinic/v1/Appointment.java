package dev.migrations.autogenerate.scenarios.apps.clinic.v1;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.clinic.Patient;

@Entity
@Table(name = "appointment")
public class Appointment implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "starts_at", nullable = false)
	Instant startsAt;

	@Size(max = 500)
	@Column(name = "reason")
	String reason;

	@ManyToOne(optional = false)
	@NotNull
	Patient patient;

	@ManyToOne(optional = false)
	@NotNull
	Doctor doctor;

}
