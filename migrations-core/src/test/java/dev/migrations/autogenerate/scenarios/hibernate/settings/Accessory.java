package dev.migrations.autogenerate.scenarios.hibernate.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.UUID;

@Entity
public class Accessory {

	@Id
	@GeneratedValue
	UUID id;

	String label;

}
