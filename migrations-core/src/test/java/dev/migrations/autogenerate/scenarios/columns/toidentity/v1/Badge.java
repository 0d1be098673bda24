package dev.migrations.autogenerate.scenarios.columns.toidentity.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Badge {

	@Id
	@GeneratedValue
	Long id;

	String title;

}
