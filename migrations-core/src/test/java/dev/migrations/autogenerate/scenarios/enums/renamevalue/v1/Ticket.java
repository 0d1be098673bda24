package dev.migrations.autogenerate.scenarios.enums.renamevalue.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Check(name = "ticket_reopened", constraints = "reopened_from is null or reopened_from = 'CLOSED'")
public class Ticket {

	@Id
	Long id;

	String title;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'OPEN'")
	TicketStatus status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'CLOSED'")
	TicketStatus reopenedFrom;

}
