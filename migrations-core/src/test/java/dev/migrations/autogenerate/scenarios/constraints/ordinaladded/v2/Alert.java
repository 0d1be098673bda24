package dev.migrations.autogenerate.scenarios.constraints.ordinaladded.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** Hibernate checks an ordinal enum with BETWEEN 0 AND the last ordinal. */
@Entity
public class Alert {

	@Id
	Long id;

	@Enumerated(EnumType.ORDINAL)
	Level level;

}
