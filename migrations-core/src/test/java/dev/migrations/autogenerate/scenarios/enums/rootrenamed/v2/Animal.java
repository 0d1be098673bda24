package dev.migrations.autogenerate.scenarios.enums.rootrenamed.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

@Entity
@Table(name = "creature")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Animal {

	@Id
	Long id;

	String name;

}
