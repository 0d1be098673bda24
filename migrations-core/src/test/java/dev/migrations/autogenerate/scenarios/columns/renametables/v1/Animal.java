package dev.migrations.autogenerate.scenarios.columns.renametables.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "animal", indexes = @Index(columnList = "name"))
public class Animal {

	@Id
	@GeneratedValue
	Long id;

	String name;

	Integer legs;

}
