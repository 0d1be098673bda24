package dev.migrations.autogenerate.scenarios.columns.renametables.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "label")
public class Label {

	@Id
	@GeneratedValue
	Long id;

	@Column(unique = true)
	String label;

}
