package dev.migrations.autogenerate.scenarios.existing.tooltables.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application of its own may call a table so: then it is the entities', and compared. */
@Entity
@Table(name = "databasechangelog")
public class ChangeLog {

	@Id
	String id;

	String author;

	String comments;

}
