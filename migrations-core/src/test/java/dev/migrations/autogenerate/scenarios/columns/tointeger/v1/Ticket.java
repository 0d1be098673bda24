package dev.migrations.autogenerate.scenarios.columns.tointeger.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Ticket {

	@Id
	@GeneratedValue
	Long id;

	String seat;

}
