package dev.migrations.autogenerate.scenarios.domains.jhipster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A role, keyed by its name. */
@Entity
@Table(name = "jhi_authority")
public class Authority {

	@NotNull
	@Size(max = 50)
	@Id
	@Column(length = 50)
	private String name;

}
