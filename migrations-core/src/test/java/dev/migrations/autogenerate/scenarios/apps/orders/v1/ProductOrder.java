package dev.migrations.autogenerate.scenarios.apps.orders.v1;

import java.io.Serializable;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.orders.OrderStatus;

@Entity
@Table(name = "product_order")
public class ProductOrder implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "placed_date", nullable = false)
	Instant placedDate;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	OrderStatus status;

	@NotNull
	@Column(name = "code", nullable = false)
	String code;

	@Column(name = "invoice_id")
	Long invoiceId;

	@ManyToOne(optional = false)
	@NotNull
	Customer customer;

	@OneToMany(fetch = FetchType.LAZY, mappedBy = "order")
	Set<OrderItem> orderItems = new HashSet<>();

}
