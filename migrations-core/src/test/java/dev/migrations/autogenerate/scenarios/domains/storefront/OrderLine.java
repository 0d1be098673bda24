package dev.migrations.autogenerate.scenarios.domains.storefront;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

@Embeddable
public class OrderLine {

	@NotNull
	private Long productId;

	@Positive
	private int quantity;

	@Digits(integer = 10, fraction = 2)
	@Column(precision = 12, scale = 2)
	private BigDecimal unitPrice;

}
