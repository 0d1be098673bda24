package dev.migrations.autogenerate.scenarios.hibernate.jsonembeddable.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Subscriber {

	@Id
	Long id;

	String email;

}
