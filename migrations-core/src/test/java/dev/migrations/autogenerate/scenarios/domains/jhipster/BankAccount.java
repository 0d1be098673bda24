package dev.migrations.autogenerate.scenarios.domains.jhipster;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/** A bank account of a user, its balance a decimal of a given precision and scale. */
@Entity
@Table(name = "bank_account")
public class BankAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NotNull
	@Column(name = "name", nullable = false)
	private String name;

	@NotNull
	@Column(name = "balance", precision = 10, scale = 2, nullable = false)
	private BigDecimal balance;

	@ManyToOne
	private User user;

	@OneToMany(mappedBy = "bankAccount")
	private Set<Operation> operations = new HashSet<>();

}
