package dev.migrations.autogenerate.scenarios.columns.renametables.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "\"order\"")
public class Order {

	@Id
	@GeneratedValue
	Long id;

	Integer total;

	@ManyToOne
	Tag tag;

}
