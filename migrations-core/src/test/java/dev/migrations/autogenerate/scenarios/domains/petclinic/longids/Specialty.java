package dev.migrations.autogenerate.scenarios.domains.petclinic.longids;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "specialties")
public class Specialty extends NamedEntity {

}
