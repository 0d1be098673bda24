package dev.migrations.autogenerate.scenarios.hibernate.shipping.v2;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	UUID id;

	@Version
	Instant version;

	String name;

}
