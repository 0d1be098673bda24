package dev.migrations.autogenerate.scenarios.constraints.checkadded.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Check;

@Entity
@Check(constraints = "quantity <= 1000")
public class Offer {

	@Id
	Long id;

	Integer price;

	Integer quantity;

}
