package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "blc_product_bundle")
@PrimaryKeyJoinColumn(name = "product_id")
public class ProductBundle extends Product {

	public enum PricingModel {

		ITEM_SUM, BUNDLE

	}

	@Enumerated(EnumType.STRING)
	@Column(name = "pricing_model")
	private PricingModel pricingModel;

	@Column(name = "auto_bundle")
	private Boolean autoBundle = false;

	@Column(name = "bundle_promotable")
	private Boolean bundlePromotable = false;

	@Column(name = "priority")
	private Integer priority;

	@Column(name = "savings", precision = 19, scale = 5)
	private BigDecimal savings;

}
