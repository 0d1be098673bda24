package dev.migrations.autogenerate.scenarios.hibernate.generatedbase.v1;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

@Entity
public class Basket {

	@Id
	Long id;

	int items;

	@Column(precision = 10, scale = 2)
	BigDecimal price;

	@GeneratedColumn("items * price")
	@Column(precision = 12, scale = 2)
	BigDecimal total;

	@GeneratedColumn("items + 1")
	Integer slots;

}
