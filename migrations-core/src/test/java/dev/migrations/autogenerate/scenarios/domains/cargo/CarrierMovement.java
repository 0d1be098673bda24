package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "carrier_movement")
public class CarrierMovement {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne
	@JoinColumn(name = "departure_location_id")
	@NotNull
	private Location departureLocation;

	@ManyToOne
	@JoinColumn(name = "arrival_location_id")
	@NotNull
	private Location arrivalLocation;

	@Column(name = "departure_time")
	@NotNull
	private LocalDateTime departureTime;

	@Column(name = "arrival_time")
	@NotNull
	private LocalDateTime arrivalTime;

}
