package dev.migrations.autogenerate.scenarios.hibernate.tableperclass;

import jakarta.persistence.Entity;

@Entity
public class Cat extends Animal {

	Boolean indoor;

}
