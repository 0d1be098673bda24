package dev.migrations.autogenerate.scenarios.columns.renameparent.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Document {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	Folder folder;

}
