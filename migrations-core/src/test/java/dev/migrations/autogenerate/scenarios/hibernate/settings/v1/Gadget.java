package dev.migrations.autogenerate.scenarios.hibernate.settings.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import dev.migrations.autogenerate.scenarios.hibernate.settings.Accessory;

@Entity
public class Gadget {

	@Id
	UUID id;

	String name;

	ZonedDateTime releasedAt;

	OffsetDateTime checkedAt;

	Instant createdAt;

	@ManyToMany
	Set<Accessory> accessories;

}
