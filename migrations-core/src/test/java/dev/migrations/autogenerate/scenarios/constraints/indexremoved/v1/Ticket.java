package dev.migrations.autogenerate.scenarios.constraints.indexremoved.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "ix_ticket_status", columnList = "status"))
public class Ticket {

	@Id
	Long id;

	String title;

	String status;

}
