package dev.migrations.autogenerate.scenarios.columns.defaults.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Preference {

	@Id
	@GeneratedValue
	Long id;

	String theme;

	@ColumnDefault("1")
	Integer fontScale;

}
