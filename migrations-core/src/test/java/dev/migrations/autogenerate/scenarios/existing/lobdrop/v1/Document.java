package dev.migrations.autogenerate.scenarios.existing.lobdrop.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

@Entity
public class Document {

	@Id
	Long id;

	String title;

	@Lob
	byte[] scan;

}
