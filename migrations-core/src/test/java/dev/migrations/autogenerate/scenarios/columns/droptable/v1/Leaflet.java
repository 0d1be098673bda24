package dev.migrations.autogenerate.scenarios.columns.droptable.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Removed in v2. */
@Entity
public class Leaflet {

	@Id
	@GeneratedValue
	Long id;

	String title;

}
