package dev.migrations.autogenerate.scenarios.domains.jhipster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/** An operation on an account: an instant, a decimal amount, labels through a join table. */
@Entity
@Table(name = "operation")
public class Operation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NotNull
	@Column(name = "jhi_date", nullable = false)
	private Instant date;

	@Column(name = "description")
	private String description;

	@NotNull
	@Column(name = "amount", precision = 10, scale = 2, nullable = false)
	private BigDecimal amount;

	@ManyToOne
	private BankAccount bankAccount;

	@ManyToMany
	@JoinTable(name = "operation_label", joinColumns = @JoinColumn(name = "operations_id", referencedColumnName = "id"),
			inverseJoinColumns = @JoinColumn(name = "labels_id", referencedColumnName = "id"))
	private Set<Label> labels = new HashSet<>();

}
