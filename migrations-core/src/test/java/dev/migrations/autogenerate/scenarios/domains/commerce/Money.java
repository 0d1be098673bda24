package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Money {

	@Column(precision = 19, scale = 5)
	private BigDecimal amount;

	@Column(length = 3, columnDefinition = "char(3)")
	private String currency;

}
