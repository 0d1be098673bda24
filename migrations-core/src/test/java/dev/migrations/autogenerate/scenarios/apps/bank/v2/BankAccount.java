package dev.migrations.autogenerate.scenarios.apps.bank.v2;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.common.User;

@Entity
@Table(name = "bank_account")
public class BankAccount implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "name", nullable = false)
	String name;

	@NotNull
	@Column(name = "balance", precision = 21, scale = 2, nullable = false)
	BigDecimal balance;

	@ManyToOne(fetch = FetchType.LAZY)
	User user;

	@OneToMany(fetch = FetchType.LAZY, mappedBy = "bankAccount")
	Set<Operation> operations = new HashSet<>();

}
