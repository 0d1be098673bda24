package dev.migrations.autogenerate.scenarios.online.existing.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "ix_customer_name", columnList = "name"))
public class Customer {

	@Id
	Long id;

	String name;

	String email;

	String note;

}
