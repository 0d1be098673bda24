package dev.migrations.autogenerate.scenarios.hibernate.tableperclass;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Animal {

	String breed;

}
