package dev.migrations.autogenerate.scenarios.constraints.uniqueconstraint.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Page {

	@Id
	Long id;

	Long tenantId;

	String slug;

	String locale;

	String title;

}
