package dev.migrations.autogenerate.scenarios.columns.tointeger.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Ticket {

	@Id
	@GeneratedValue
	Long id;

	Integer seat;

}
