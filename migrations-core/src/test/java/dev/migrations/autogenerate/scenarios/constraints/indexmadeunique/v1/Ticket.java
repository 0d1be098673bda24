package dev.migrations.autogenerate.scenarios.constraints.indexmadeunique.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "ix_ticket_code", columnList = "code"))
public class Ticket {

	@Id
	Long id;

	String code;

}
