package dev.migrations.autogenerate.scenarios.domains.cargo;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotNull;

/** A camel-case column name written in {@code @Column}: {@code completionTime}. */
@Entity
public class HandlingEvent {

	@Id
	@GeneratedValue
	private Long id;

	@Enumerated(EnumType.STRING)
	@NotNull
	private Type type;

	@ManyToOne
	@JoinColumn(name = "voyage_id")
	private Voyage voyage;

	@ManyToOne
	@JoinColumn(name = "location_id")
	@NotNull
	private Location location;

	@NotNull
	@Column(name = "completionTime")
	private LocalDateTime completionTime;

	@NotNull
	@Column(name = "registration")
	private LocalDateTime registrationTime;

	@ManyToOne
	@JoinColumn(name = "cargo_id")
	@NotNull
	private Cargo cargo;

	@Transient
	private String summary;

	public enum Type {

		LOAD, UNLOAD, RECEIVE, CLAIM, CUSTOMS

	}

}
