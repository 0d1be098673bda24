package dev.migrations.autogenerate.scenarios.constraints.quoted.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "`order`")
public class Order {

	@Id
	Long id;

	String status;

	String number;

}
