package dev.migrations.autogenerate.scenarios.constraints.names.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.Check;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = { "region", "number" }),
		indexes = @Index(columnList = "name"))
@Check(constraints = "credit_limit >= 0")
public class Customer {

	@Id
	Long id;

	@Column(unique = true)
	String email;

	String region;

	Integer number;

	String name;

	Integer creditLimit;

	@Enumerated(EnumType.STRING)
	Tier tier;

	public enum Tier {

		BASIC, GOLD

	}

}
