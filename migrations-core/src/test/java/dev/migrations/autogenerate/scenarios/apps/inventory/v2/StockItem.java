package dev.migrations.autogenerate.scenarios.apps.inventory.v2;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "stock_item")
public class StockItem implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Size(max = 32)
	@Column(name = "sku", nullable = false, unique = true)
	String sku;

	@Min(0)
	@Max(10000)
	@Column(name = "quantity")
	Integer quantity;

	@Column(name = "bin", length = 8)
	String bin;

	@ManyToOne(optional = false)
	@NotNull
	Warehouse warehouse;

}
