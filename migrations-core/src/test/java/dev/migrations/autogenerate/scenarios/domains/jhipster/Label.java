package dev.migrations.autogenerate.scenarios.domains.jhipster;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A label, its column prefixed {@code jhi_} as JHipster does for reserved words. */
@Entity
@Table(name = "label")
public class Label {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NotNull
	@Size(min = 3)
	@Column(name = "jhi_label", nullable = false)
	private String label;

	@ManyToMany(mappedBy = "labels")
	private Set<Operation> operations = new HashSet<>();

}
