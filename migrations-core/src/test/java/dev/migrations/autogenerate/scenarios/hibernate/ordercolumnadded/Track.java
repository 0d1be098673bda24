package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnadded;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Track {

	@Id
	Long id;

	String title;

}
