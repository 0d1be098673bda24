package dev.migrations.testkit.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Deal {

	@Id
	private Long id;

	@Column(nullable = false, length = 20)
	private String status;

	protected Deal() {
	}

}
