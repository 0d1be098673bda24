package dev.migrations.autogenerate.scenarios.apps.invoices.v2;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.invoices.InvoiceStatus;
import dev.migrations.autogenerate.scenarios.apps.invoices.PaymentMethod;

@Entity
@Table(name = "invoice")
public class Invoice implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "code", nullable = false)
	String code;

	@NotNull
	@Column(name = "date", nullable = false)
	Instant date;

	@Column(name = "details")
	String details;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	InvoiceStatus status;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "payment_method", nullable = false)
	PaymentMethod paymentMethod;

	@NotNull
	@Column(name = "payment_date", nullable = false)
	Instant paymentDate;

	@NotNull
	@Digits(integer = 10, fraction = 2)
	@Column(name = "payment_amount", nullable = false)
	BigDecimal paymentAmount;

	@NotNull
	@Size(min = 3, max = 3)
	@Column(name = "currency")
	String currency;

	@OneToMany(fetch = FetchType.LAZY, mappedBy = "invoice")
	Set<Shipment> shipments = new HashSet<>();

}
