package dev.migrations.autogenerate.scenarios.domains.commerce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "blc_fulfillment_item")
@IdClass(FulfillmentItemKey.class)
public class FulfillmentItem {

	@Id
	@Column(name = "fulfillment_group", length = 40)
	private String fulfillmentGroup;

	@Id
	@ManyToOne
	@JoinColumn(name = "order_item_id")
	private OrderItem orderItem;

	@Column(name = "quantity")
	private Short quantity;

}
