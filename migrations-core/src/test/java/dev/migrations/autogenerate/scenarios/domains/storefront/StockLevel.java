package dev.migrations.autogenerate.scenarios.domains.storefront;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;

@Entity
@IdClass(StockLevel.Key.class)
public class StockLevel {

	@Id
	@Column(length = 8)
	private String warehouseCode;

	@Id
	private Long productId;

	@Min(0)
	private int quantity;

	@Version
	private short version;

	public static class Key implements Serializable {

		String warehouseCode;

		Long productId;

	}

}
