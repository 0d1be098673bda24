package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Page {

	@Id
	Long id;

	@ManyToOne
	Binder binder;

}
