package dev.migrations.autogenerate.scenarios.apps.flights.v1;

import java.io.Serializable;
import java.math.BigDecimal;

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

import dev.migrations.autogenerate.scenarios.apps.flights.Flight;
import dev.migrations.autogenerate.scenarios.apps.flights.Passenger;

@Entity
@Table(name = "booking")
public class Booking implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Size(max = 4)
	@Column(name = "seat")
	String seat;

	@Column(name = "price", precision = 21, scale = 2)
	BigDecimal price;

	@ManyToOne(optional = false)
	@NotNull
	Flight flight;

	@ManyToOne(optional = false)
	@NotNull
	Passenger passenger;

}
