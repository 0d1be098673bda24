package dev.migrations.autogenerate.scenarios.apps.orders.v1;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.orders.OrderItemStatus;

@Entity
@Table(name = "order_item")
public class OrderItem implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Min(value = 0)
	@Column(name = "quantity", nullable = false)
	Integer quantity;

	@NotNull
	@DecimalMin(value = "0")
	@Column(name = "total_price", precision = 21, scale = 2, nullable = false)
	BigDecimal totalPrice;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	OrderItemStatus status;

	@ManyToOne(optional = false)
	@NotNull
	ProductOrder order;

}
