package dev.migrations.autogenerate.scenarios.columns.notnullwithdefault.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Task {

	@Id
	@GeneratedValue
	Long id;

	String title;

	@ColumnDefault("'open'")
	@Column(nullable = false, length = 20)
	String state;

}
