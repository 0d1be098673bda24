package dev.migrations.autogenerate.scenarios.columns.precision.v1;

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

	@Column(precision = 10, scale = 2)
	BigDecimal amount;

}
