package dev.migrations.autogenerate.scenarios.existing.lobdrop.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Document {

	@Id
	Long id;

	String title;

}
