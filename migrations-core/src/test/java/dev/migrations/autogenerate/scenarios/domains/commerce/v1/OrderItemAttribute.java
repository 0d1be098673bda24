package dev.migrations.autogenerate.scenarios.domains.commerce.v1;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import dev.migrations.autogenerate.scenarios.domains.commerce.OrderItem;
import dev.migrations.autogenerate.scenarios.domains.commerce.OrderItemAttributeId;

@Entity
@Table(name = "blc_order_item_attribute")
public class OrderItemAttribute {

	@EmbeddedId
	private OrderItemAttributeId id;

	@MapsId("orderItemId")
	@ManyToOne
	@JoinColumn(name = "order_item_id")
	private OrderItem orderItem;

	@Column(name = "value", length = 255, nullable = false)
	private String value;

}
