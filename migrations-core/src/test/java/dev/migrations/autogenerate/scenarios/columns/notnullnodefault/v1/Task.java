package dev.migrations.autogenerate.scenarios.columns.notnullnodefault.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Task {

	@Id
	@GeneratedValue
	Long id;

	String title;

}
