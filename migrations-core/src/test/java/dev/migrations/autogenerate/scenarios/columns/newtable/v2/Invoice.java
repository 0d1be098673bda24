package dev.migrations.autogenerate.scenarios.columns.newtable.v2;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** New in v2: its table and its sequence are created. */
@Entity
public class Invoice {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false, length = 40)
	String number;

	BigDecimal total;

}
