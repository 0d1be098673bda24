package dev.migrations.autogenerate.scenarios.columns.precision.v2;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class PriceEntry {

	@Id
	@GeneratedValue
	Long id;

	@Column(precision = 14, scale = 4)
	BigDecimal amount;

}
