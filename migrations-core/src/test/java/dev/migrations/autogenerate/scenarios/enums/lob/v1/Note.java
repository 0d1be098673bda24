package dev.migrations.autogenerate.scenarios.enums.lob.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Note {

	@Id
	Long id;

	String title;

}
