package dev.migrations.autogenerate.scenarios.columns.reserved.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Mapped to the reserved word {@code order}, with a reserved column name too. */
@Entity
@Table(name = "\"order\"")
public class Order {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	User buyer;

	@Column(name = "\"position\"")
	Integer position;

}
