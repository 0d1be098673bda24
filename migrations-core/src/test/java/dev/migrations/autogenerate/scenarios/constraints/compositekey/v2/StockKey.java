package dev.migrations.autogenerate.scenarios.constraints.compositekey.v2;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;

@Embeddable
public class StockKey implements Serializable {

	Long warehouseId;

	String sku;

	@Override
	public boolean equals(Object other) {
		return other instanceof StockKey that && Objects.equals(this.warehouseId, that.warehouseId)
				&& Objects.equals(this.sku, that.sku);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.warehouseId, this.sku);
	}

}
