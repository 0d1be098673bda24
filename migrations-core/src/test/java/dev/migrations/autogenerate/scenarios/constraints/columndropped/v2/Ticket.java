package dev.migrations.autogenerate.scenarios.constraints.columndropped.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Ticket {

	@Id
	Long id;

	String title;

}
