package dev.migrations.autogenerate.scenarios.columns.notnullsetdefault.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Account {

	@Id
	@GeneratedValue
	Long id;

	@ColumnDefault("'en'")
	@Column(nullable = false)
	String locale;

}
