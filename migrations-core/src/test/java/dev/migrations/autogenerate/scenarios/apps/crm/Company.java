package dev.migrations.autogenerate.scenarios.apps.crm;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "company")
public class Company implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Size(max = 200)
	@Column(name = "name", nullable = false)
	String name;

	@Pattern(regexp = "^[A-Z]{2}[0-9A-Z]{2,12}$")
	@Size(max = 20)
	@Column(name = "vat_number", unique = true)
	String vatNumber;

	@Column(name = "founded")
	LocalDate founded;

	@Min(1)
	@Column(name = "employees")
	Integer employees;

}
