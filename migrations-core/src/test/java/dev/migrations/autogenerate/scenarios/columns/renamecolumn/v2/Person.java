package dev.migrations.autogenerate.scenarios.columns.renamecolumn.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Person {

	@Id
	@GeneratedValue
	Long id;

	@Column(length = 120)
	String displayName;

	Integer age;

}
