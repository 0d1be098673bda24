package dev.migrations.boot.entities.validated;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
public class Club {

	@Id
	@GeneratedValue
	private Long id;

	@NotNull
	@Size(max = 60)
	private String name;

	protected Club() {
	}

}
