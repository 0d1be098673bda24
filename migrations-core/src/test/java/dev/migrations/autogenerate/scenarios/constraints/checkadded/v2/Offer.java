package dev.migrations.autogenerate.scenarios.constraints.checkadded.v2;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Check;

@Entity
@Check(constraints = "quantity <= 1000")
public class Offer {

	@Id
	Long id;

	Integer price;

	@Column(check = @CheckConstraint(constraint = "quantity >= 0"))
	Integer quantity;

}
