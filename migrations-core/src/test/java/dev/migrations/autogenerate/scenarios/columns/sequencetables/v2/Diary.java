package dev.migrations.autogenerate.scenarios.columns.sequencetables.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "diary_entry")
public class Diary {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String body;

}
