package dev.migrations.autogenerate.scenarios.columns.yesno.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Sink {

	@Id
	Long id;

	Boolean flag;

	Boolean checked;

}
