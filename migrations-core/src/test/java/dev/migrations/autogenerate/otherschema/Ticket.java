package dev.migrations.autogenerate.otherschema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** In the schema the revisions run in, its ids from a sequence of another schema. */
@Entity
public class Ticket {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
	@SequenceGenerator(name = "tickets", sequenceName = "ticket_seq", schema = "seqs", allocationSize = 50)
	private Long id;

}
