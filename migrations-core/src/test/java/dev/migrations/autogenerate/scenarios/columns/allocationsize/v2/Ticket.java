package dev.migrations.autogenerate.scenarios.columns.allocationsize.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

@Entity
public class Ticket {

	@Id
	@GeneratedValue(generator = "ticket_gen")
	@SequenceGenerator(name = "ticket_gen", sequenceName = "ticket_number_seq", allocationSize = 10)
	Long id;

	String seat;

}
