package dev.migrations.autogenerate.scenarios.apps.hr.v1;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.hr.Location;

@Entity
@Table(name = "department")
public class Department implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "department_name", nullable = false)
	String departmentName;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(unique = true)
	Location location;

	@OneToMany(fetch = FetchType.LAZY, mappedBy = "department")
	Set<Employee> employees = new HashSet<>();

}
