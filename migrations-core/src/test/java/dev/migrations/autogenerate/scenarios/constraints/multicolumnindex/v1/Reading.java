package dev.migrations.autogenerate.scenarios.constraints.multicolumnindex.v1;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Reading {

	@Id
	Long id;

	String sensor;

	Instant takenAt;

	String externalRef;

}
