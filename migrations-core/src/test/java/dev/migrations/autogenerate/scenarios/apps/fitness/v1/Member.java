package dev.migrations.autogenerate.scenarios.apps.fitness.v1;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "member")
public class Member implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue
	UUID id;

	@NotNull
	@Column(name = "name", nullable = false)
	String name;

	@Column(name = "birth_date")
	LocalDate birthDate;

	@Min(50)
	@Max(250)
	@Column(name = "height_cm")
	Integer heightCm;

}
