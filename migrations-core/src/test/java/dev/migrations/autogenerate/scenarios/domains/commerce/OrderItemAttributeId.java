package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class OrderItemAttributeId implements Serializable {

	private Long orderItemId;

	@Column(name = "name", length = 100)
	private String name;

	@Override
	public boolean equals(Object other) {
		return other instanceof OrderItemAttributeId id && Objects.equals(this.orderItemId, id.orderItemId)
				&& Objects.equals(this.name, id.name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.orderItemId, this.name);
	}

}
