package dev.migrations.autogenerate.scenarios.columns.renameparent.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "folder")
public class Folder {

	@Id
	@GeneratedValue
	Long id;

	String name;

}
