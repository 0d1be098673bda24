package dev.migrations.autogenerate.scenarios.validation.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
public class Label {

	@Id
	@GeneratedValue
	Long id;

	@NotNull
	@Size(max = 30)
	String name;

}
