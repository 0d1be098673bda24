package dev.migrations.autogenerate.scenarios.columns.renametables.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "purchase")
public class Purchase {

	@Id
	@GeneratedValue
	Long id;

	Integer total;

	@ManyToOne
	Label tag;

}
