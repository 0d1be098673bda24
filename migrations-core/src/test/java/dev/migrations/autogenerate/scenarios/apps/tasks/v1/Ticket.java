package dev.migrations.autogenerate.scenarios.apps.tasks.v1;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
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
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.common.User;
import dev.migrations.autogenerate.scenarios.apps.tasks.Priority;
import dev.migrations.autogenerate.scenarios.apps.tasks.Project;

@Entity
@Table(name = "ticket")
public class Ticket implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "title", nullable = false)
	String title;

	@Column(name = "description")
	String description;

	@Column(name = "due_date")
	LocalDate dueDate;

	@Column(name = "done")
	Boolean done;

	// ordinal, as @Enumerated without a type stores it
	@Enumerated
	@Column(name = "priority")
	Priority priority;

	@ManyToOne(fetch = FetchType.LAZY)
	Project project;

	@ManyToOne(fetch = FetchType.LAZY)
	User assignedTo;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "rel_ticket__label", joinColumns = @JoinColumn(name = "ticket_id"),
			inverseJoinColumns = @JoinColumn(name = "label_id"))
	Set<Label> labels = new HashSet<>();

}
