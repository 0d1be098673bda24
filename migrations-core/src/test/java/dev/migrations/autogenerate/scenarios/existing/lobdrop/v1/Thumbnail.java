package dev.migrations.autogenerate.scenarios.existing.lobdrop.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

@Entity
public class Thumbnail {

	@Id
	Long id;

	@Lob
	byte[] image;

}
