package dev.migrations.autogenerate.scenarios.columns.sequencetables.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "diary_entry")
public class Diary {

	@Id
	@GeneratedValue
	Long id;

	String body;

}
