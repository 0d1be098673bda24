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

/** Board renamed panel, its default and check naming the renamed label. */
@Entity
@Table(name = "panel")
@Check(name = "ck_panel_state", constraints = "state in ('OPEN', 'DONE')")
public class Board {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'DONE'")
	TicketStatus state;

}
