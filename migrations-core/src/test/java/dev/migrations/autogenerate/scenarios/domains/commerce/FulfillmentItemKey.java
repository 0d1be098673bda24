package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.io.Serializable;
import java.util.Objects;

public class FulfillmentItemKey implements Serializable {

	private String fulfillmentGroup;

	private Long orderItem;

	@Override
	public boolean equals(Object other) {
		return other instanceof FulfillmentItemKey key && Objects.equals(this.fulfillmentGroup, key.fulfillmentGroup)
				&& Objects.equals(this.orderItem, key.orderItem);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.fulfillmentGroup, this.orderItem);
	}

}
