package dev.migrations.autogenerate.scenarios.columns.widertypes.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Measurement {

	@Id
	@GeneratedValue
	Long id;

	Long reading;

	@Column(columnDefinition = "text")
	String note;

	Double ratio;

}
