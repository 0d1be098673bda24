package dev.migrations.autogenerate.scenarios.enums.rootrenamed.v2;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Animal {

	String breed;

}
