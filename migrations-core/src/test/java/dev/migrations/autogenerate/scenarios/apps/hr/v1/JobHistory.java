package dev.migrations.autogenerate.scenarios.apps.hr.v1;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import dev.migrations.autogenerate.scenarios.apps.hr.Language;

@Entity
@Table(name = "job_history")
public class JobHistory implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Column(name = "start_date")
	Instant startDate;

	@Column(name = "end_date")
	Instant endDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "language")
	Language language;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(unique = true)
	Job job;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(unique = true)
	Department department;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(unique = true)
	Employee employee;

}
