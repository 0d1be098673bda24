package dev.migrations.autogenerate.scenarios.columns.defaults.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Preference {

	@Id
	@GeneratedValue
	Long id;

	@ColumnDefault("'light'")
	String theme;

	@ColumnDefault("2")
	Integer fontScale;

}
