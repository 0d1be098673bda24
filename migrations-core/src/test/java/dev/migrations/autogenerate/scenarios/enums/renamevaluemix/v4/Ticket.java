package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v4;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** v3 with CLOSED renamed DONE, a label REVIEW added after it and named by the default of a new column, reopened_from dropped. */
@Entity
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
	@ColumnDefault("'REVIEW'")
	TicketStatus reviewFrom;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'HIGH'")
	Priority priority;

}
