package dev.migrations.autogenerate.views;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class OrderLine {

	@Id
	Long id;

	@ManyToOne
	Shop shop;

	/** The read-only side of the same column: the shop's totals, from the view. */
	@ManyToOne
	@JoinColumn(name = "shop_id", insertable = false, updatable = false)
	ShopTotal total;

	@Column(precision = 12, scale = 2)
	BigDecimal amount;

}
