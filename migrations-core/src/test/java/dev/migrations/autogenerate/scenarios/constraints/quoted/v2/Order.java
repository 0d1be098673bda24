package dev.migrations.autogenerate.scenarios.constraints.quoted.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "`order`", indexes = @Index(columnList = "status"))
public class Order {

	@Id
	Long id;

	String status;

	@Column(unique = true)
	String number;

}
