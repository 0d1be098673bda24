package dev.migrations.sample.crm;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A deal with a contact, in a currency stored as a PostgreSQL enum. */
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

	protected Deal() {
	}

	public Deal(String title, BigDecimal amount, DealCurrency currency, Contact contact) {
		this.title = title;
		this.amount = amount;
		this.currency = currency;
		this.contact = contact;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public DealCurrency getCurrency() {
		return this.currency;
	}

	public Contact getContact() {
		return this.contact;
	}

}
