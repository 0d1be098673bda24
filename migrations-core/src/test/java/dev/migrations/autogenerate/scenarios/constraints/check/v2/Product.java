package dev.migrations.autogenerate.scenarios.constraints.check.v2;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Check;

@Entity
@Check(constraints = "price >= 0")
@Table(check = @CheckConstraint(name = "ck_product_discount", constraint = "discount <= price"))
public class Product {

	@Id
	Long id;

	Integer price;

	Integer discount;

}
