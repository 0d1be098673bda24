package dev.migrations.autogenerate.scenarios.columns.renametable.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "note")
public class Memo {

	@Id
	@GeneratedValue
	Long id;

	String body;

}
