package dev.migrations.autogenerate.scenarios.columns.widen.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Product {

	@Id
	@GeneratedValue
	Long id;

	@Column(length = 50)
	String name;

}
