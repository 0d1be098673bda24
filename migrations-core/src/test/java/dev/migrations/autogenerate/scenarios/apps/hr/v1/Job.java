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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "job")
public class Job implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Column(name = "job_title")
	String jobTitle;

	@Column(name = "min_salary")
	Long minSalary;

	@Column(name = "max_salary")
	Long maxSalary;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "rel_job__task", joinColumns = @JoinColumn(name = "job_id"),
			inverseJoinColumns = @JoinColumn(name = "task_id"))
	Set<Task> tasks = new HashSet<>();

	@ManyToOne(fetch = FetchType.LAZY)
	Employee employee;

}
