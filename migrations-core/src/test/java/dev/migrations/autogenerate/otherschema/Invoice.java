package dev.migrations.autogenerate.otherschema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Mapped to the schema the revisions run in. */
@Entity
public class Invoice {

	@Id
	private Long id;

	private String number;

}
