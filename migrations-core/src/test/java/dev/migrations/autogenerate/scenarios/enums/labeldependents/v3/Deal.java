package dev.migrations.autogenerate.scenarios.enums.labeldependents.v3;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The check and the partial index of v2, its amount column renamed total. */
@Entity
@Table(name = "deal", indexes = @Index(name = "ix_deal_amount_not_usd", columnList = "total", options = "where currency <> 'USD'"))
@Check(name = "ck_deal_usd_amount", constraints = "currency <> 'USD' or total > 0")
public class Deal {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	DealCurrency currency;

	Integer total;

}
