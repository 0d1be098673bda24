package dev.migrations.autogenerate.scenarios.hibernate.tableperclass.v2;

import jakarta.persistence.Entity;

@Entity
public class Parrot extends Animal {

	Integer words;

}
