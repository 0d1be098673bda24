package dev.migrations.autogenerate.scenarios.columns.renameparent.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "directory")
public class Folder {

	@Id
	@GeneratedValue
	Long id;

	String name;

}
