package dev.migrations.autogenerate.scenarios.constraints.compositekey.v2;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;

@Entity
public class StockLevel {

	@EmbeddedId
	StockKey id;

	@ManyToOne
	@MapsId("warehouseId")
	Warehouse warehouse;

	int quantity;

}
