package dev.migrations.variants.noaed;

import java.math.BigDecimal;

import dev.migrations.sample.crm.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The sample's {@code Deal}, mapped to the same table, with a currency that has lost {@code AED}. */
@Entity
public class Deal {

	@Id
	@GeneratedValue
	private Long id;

	@Column(nullable = false)
	private String title;

	@Column(precision = 12, scale = 2)
	private BigDecimal amount;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@Column(nullable = false)
	private DealCurrency currency = DealCurrency.USD;

	@ManyToOne
	private Contact contact;

}
