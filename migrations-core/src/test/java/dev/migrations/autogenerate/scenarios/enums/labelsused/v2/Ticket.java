package dev.migrations.autogenerate.scenarios.enums.labelsused.v2;

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

/** v1 with a label REVIEW added after CLOSED and named by the default of status. */
@Entity
@Table(name = "ticket", indexes = @Index(name = "ix_ticket_open", columnList = "title", options = "where status <> 'CLOSED'"))
@Check(name = "ck_ticket_closed", constraints = "status <> 'CLOSED' or title is not null")
public class Ticket {

	@Id
	Long id;

	String title;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'REVIEW'")
	TicketStatus status;

}
