package dev.migrations.autogenerate.scenarios.apps.clinic.v2;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "doctor")
public class Doctor implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "name", nullable = false)
	String name;

	@ElementCollection
	@CollectionTable(name = "doctor_specialty", joinColumns = @JoinColumn(name = "doctor_id"))
	@Column(name = "specialty", nullable = false, length = 60)
	Set<String> specialties = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "doctor_language", joinColumns = @JoinColumn(name = "doctor_id"))
	@OrderColumn(name = "preference")
	@Column(name = "language", length = 2)
	List<String> languages;

}
