package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Item {

	@Id
	Long id;

}
