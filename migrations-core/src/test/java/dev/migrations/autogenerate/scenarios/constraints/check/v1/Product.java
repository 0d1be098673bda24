package dev.migrations.autogenerate.scenarios.constraints.check.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Check;

@Entity
@Check(constraints = "price > 0")
public class Product {

	@Id
	Long id;

	Integer price;

	Integer discount;

}
