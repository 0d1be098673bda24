package dev.migrations.autogenerate.scenarios.domains.identity;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("R")
public class RealmRole extends RoleEntity {

	private boolean composite;

}
