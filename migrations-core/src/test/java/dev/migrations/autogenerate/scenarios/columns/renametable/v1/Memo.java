package dev.migrations.autogenerate.scenarios.columns.renametable.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "memo")
public class Memo {

	@Id
	@GeneratedValue
	Long id;

	String body;

}
