package dev.migrations.autogenerate.scenarios.apps.flights;

import java.io.Serializable;
import java.time.ZonedDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Entity
@Table(name = "flight")
public class Flight implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Pattern(regexp = "^[A-Z0-9]{2}[0-9]{1,4}$")
	@Column(name = "number", nullable = false)
	String number;

	@NotNull
	@Column(name = "departure", nullable = false)
	ZonedDateTime departure;

	@NotNull
	@Column(name = "arrival", nullable = false)
	ZonedDateTime arrival;

	@ManyToOne(optional = false)
	@NotNull
	Airport origin;

	@ManyToOne(optional = false)
	@NotNull
	Airport destination;

}
