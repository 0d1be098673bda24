package dev.migrations.autogenerate.scenarios.hibernate.tableperclass.v2;

import jakarta.persistence.Entity;

import dev.migrations.autogenerate.scenarios.hibernate.tableperclass.Animal;

@Entity
public class Parrot extends Animal {

	Integer words;

}
