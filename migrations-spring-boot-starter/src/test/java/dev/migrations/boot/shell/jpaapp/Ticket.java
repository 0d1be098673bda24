package dev.migrations.boot.shell.jpaapp;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose column names depend on the application's naming strategy and its UUID type on a Hibernate setting. */
@Entity
public class Ticket {

	@Id
	private Long id;

	@Column(nullable = false, length = 120)
	private String title;

	private LocalDate dueDate;

	private UUID reference;

	protected Ticket() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public UUID getReference() {
		return this.reference;
	}

}
