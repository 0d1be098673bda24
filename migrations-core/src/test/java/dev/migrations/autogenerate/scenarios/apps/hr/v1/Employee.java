package dev.migrations.autogenerate.scenarios.apps.hr.v1;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "employee")
public class Employee implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Column(name = "first_name")
	String firstName;

	@Column(name = "last_name")
	String lastName;

	@Column(name = "email")
	String email;

	@Column(name = "phone_number")
	String phoneNumber;

	@Column(name = "hire_date")
	Instant hireDate;

	@Column(name = "salary")
	Long salary;

	@Column(name = "commission_pct")
	Long commissionPct;

	@ManyToOne(fetch = FetchType.LAZY)
	Employee manager;

	@ManyToOne(fetch = FetchType.LAZY)
	Department department;

}
