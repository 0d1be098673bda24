package dev.migrations.autogenerate.scenarios.columns.widertypes.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Measurement {

	@Id
	@GeneratedValue
	Long id;

	Integer reading;

	String note;

	Float ratio;

}
