package dev.migrations.autogenerate.scenarios.columns.autoquote.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Reserved table and column names left to {@code hibernate.auto_quote_keyword}. */
@Entity
@Table(name = "order")
public class Order {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	User buyer;

	Integer position;

}
