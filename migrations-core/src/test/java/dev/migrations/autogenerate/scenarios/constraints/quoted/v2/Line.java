package dev.migrations.autogenerate.scenarios.constraints.quoted.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class Line {

	@Id
	Long id;

	String sku;

	@ManyToOne
	@JoinColumn(name = "`order`")
	Order order;

}
