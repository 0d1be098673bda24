package dev.migrations.autogenerate.scenarios.columns.typewithdefault.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Counter {

	@Id
	@GeneratedValue
	Long id;

	@ColumnDefault("0")
	Integer hits;

}
