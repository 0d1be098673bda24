package dev.migrations.autogenerate.scenarios.enums.labelsused.v4;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The ticket of v1 dropped, a new table whose default names a label REVIEW added after CLOSED. */
@Entity
public class Board {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'REVIEW'")
	TicketStatus state;

}
