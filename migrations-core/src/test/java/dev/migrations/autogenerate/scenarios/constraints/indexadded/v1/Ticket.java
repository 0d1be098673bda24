package dev.migrations.autogenerate.scenarios.constraints.indexadded.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Ticket {

	@Id
	Long id;

	String title;

	String status;

}
