package dev.migrations.autogenerate.scenarios.hibernate.singletable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Vehicle {

	@Id
	@GeneratedValue
	Long id;

	@Column(nullable = false)
	String plate;

}
