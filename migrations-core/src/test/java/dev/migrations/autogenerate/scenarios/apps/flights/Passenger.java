package dev.migrations.autogenerate.scenarios.apps.flights;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "passenger")
public class Passenger implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue
	UUID id;

	@NotBlank
	@Column(name = "name")
	String name;

	@Size(max = 9)
	@Column(name = "passport")
	String passport;

}
