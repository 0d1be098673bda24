package dev.migrations.autogenerate.scenarios.hibernate.tableperclass.v1;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Animal {

	String breed;

}
