package dev.migrations.autogenerate.scenarios.enums.labeldependents.v4;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The deal of v2 renamed offer, its check and index names following. */
@Entity
@Table(name = "offer", indexes = @Index(name = "ix_offer_amount_not_usd", columnList = "amount", options = "where currency <> 'USD'"))
@Check(name = "ck_offer_usd_amount", constraints = "currency <> 'USD' or amount > 0")
public class Offer {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	DealCurrency currency;

	Integer amount;

}
