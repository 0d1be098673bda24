package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;

@Entity
public class Leg {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne
	@JoinColumn(name = "voyage_id")
	@NotNull
	private Voyage voyage;

	@ManyToOne
	@JoinColumn(name = "load_location_id")
	@NotNull
	private Location loadLocation;

	@ManyToOne
	@JoinColumn(name = "unload_location_id")
	@NotNull
	private Location unloadLocation;

	@Column(name = "load_time")
	@NotNull
	private LocalDateTime loadTime;

	@Column(name = "unload_time")
	@NotNull
	private LocalDateTime unloadTime;

}
