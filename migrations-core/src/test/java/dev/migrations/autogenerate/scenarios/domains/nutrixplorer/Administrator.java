package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An access level with no column of its own: a table holding only the key. */
@Entity
@DiscriminatorValue("ADMINISTRATOR")
@Table(name = "ADMINISTRATORS")
public class Administrator extends AccessLevel {

}
