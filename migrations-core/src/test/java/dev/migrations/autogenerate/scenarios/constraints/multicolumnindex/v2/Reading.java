package dev.migrations.autogenerate.scenarios.constraints.multicolumnindex.v2;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = { @Index(columnList = "sensor, taken_at"), @Index(columnList = "external_ref", unique = true) })
public class Reading {

	@Id
	Long id;

	String sensor;

	Instant takenAt;

	String externalRef;

}
