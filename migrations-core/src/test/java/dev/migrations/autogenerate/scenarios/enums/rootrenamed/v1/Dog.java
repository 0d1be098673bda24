package dev.migrations.autogenerate.scenarios.enums.rootrenamed.v1;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Creature {

	String breed;

}
