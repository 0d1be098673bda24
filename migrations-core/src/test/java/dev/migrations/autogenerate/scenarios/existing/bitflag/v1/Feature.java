package dev.migrations.autogenerate.scenarios.existing.bitflag.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Flags as a schema written for MySQL keeps them. */
@Entity
public class Feature {

	@Id
	Long id;

	String name;

	@Column(columnDefinition = "bit(1)")
	Boolean enabled;

	@Column(nullable = false, columnDefinition = "bit(1)")
	boolean archived;

}
