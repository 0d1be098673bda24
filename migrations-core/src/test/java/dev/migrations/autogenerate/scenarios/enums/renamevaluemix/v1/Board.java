package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v1;

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

/** A second table of the type, its default and check naming a label. */
@Entity
@Table(name = "board")
@Check(name = "ck_board_state", constraints = "state in ('OPEN', 'CLOSED')")
public class Board {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'CLOSED'")
	TicketStatus state;

}
