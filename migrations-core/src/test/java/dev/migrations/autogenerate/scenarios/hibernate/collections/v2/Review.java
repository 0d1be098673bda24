package dev.migrations.autogenerate.scenarios.hibernate.collections.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Review {

	@Id
	Long id;

	String text;

}
