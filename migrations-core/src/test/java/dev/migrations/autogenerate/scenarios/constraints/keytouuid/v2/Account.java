package dev.migrations.autogenerate.scenarios.constraints.keytouuid.v2;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {

	@Id
	UUID id;

	String name;

	@ElementCollection
	Set<String> aliases = new HashSet<>();

}
