package dev.migrations.autogenerate.scenarios.constraints.keytouuid.v1;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {

	@Id
	@Column(length = 36)
	String id;

	String name;

	@ElementCollection
	Set<String> aliases = new HashSet<>();

}
