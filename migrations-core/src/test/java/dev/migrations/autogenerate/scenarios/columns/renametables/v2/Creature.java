package dev.migrations.autogenerate.scenarios.columns.renametables.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "creature", indexes = @Index(columnList = "name"))
public class Creature {

	@Id
	@GeneratedValue
	Long id;

	String name;

	Integer legs;

}
