package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** v1 with a label of each type renamed in place (CLOSED → DONE, HIGH → URGENT) and title renamed headline. */
@Entity
@Table(name = "ticket", indexes = @Index(name = "ix_ticket_open", columnList = "headline", options = "where status <> 'DONE'"))
@Check(name = "ck_ticket_closed", constraints = "status <> 'DONE' or headline is not null")
public class Ticket {

	@Id
	Long id;

	String headline;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'OPEN'")
	TicketStatus status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'DONE'")
	TicketStatus reopenedFrom;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'URGENT'")
	Priority priority;

}
