package dev.migrations.autogenerate.scenarios.apps.clinic;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Entity
@Table(name = "patient")
public class Patient implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue
	UUID id;

	@NotNull
	@Pattern(regexp = "^\\d{3}-\\d{2}-\\d{4}$")
	@Column(name = "ssn", nullable = false, unique = true)
	String ssn;

	@NotBlank
	@Column(name = "full_name")
	String fullName;

}
