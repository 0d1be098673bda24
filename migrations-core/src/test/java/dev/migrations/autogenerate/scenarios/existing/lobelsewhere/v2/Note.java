package dev.migrations.autogenerate.scenarios.existing.lobelsewhere.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

@Entity
public class Note {

	@Id
	Long id;

	@Lob
	String body;

}
