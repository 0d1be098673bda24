package dev.migrations.autogenerate.scenarios.hibernate.tableperclass.v1;

import jakarta.persistence.Entity;

@Entity
public class Cat extends Animal {

	Boolean indoor;

}
