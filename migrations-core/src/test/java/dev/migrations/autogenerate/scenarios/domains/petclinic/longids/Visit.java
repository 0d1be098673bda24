package dev.migrations.autogenerate.scenarios.domains.petclinic.longids;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

@Entity
@Table(name = "visits")
public class Visit extends BaseEntity {

	@Column(name = "visit_date")
	private LocalDate date;

	@NotBlank
	private String description;

	@ManyToOne(optional = false)
	@JoinColumn(name = "vet_id")
	private Vet vet;

}
