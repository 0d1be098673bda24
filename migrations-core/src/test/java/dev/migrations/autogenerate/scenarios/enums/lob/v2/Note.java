package dev.migrations.autogenerate.scenarios.enums.lob.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

@Entity
public class Note {

	@Id
	Long id;

	String title;

	@Lob
	String body;

}
