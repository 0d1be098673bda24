package dev.migrations.autogenerate.scenarios.apps.crm.v2;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.crm.Company;
import dev.migrations.autogenerate.scenarios.apps.crm.Contact;

@Entity
@Table(name = "deal")
public class Deal implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "title", nullable = false)
	String title;

	@DecimalMin(value = "0")
	@Digits(integer = 10, fraction = 2)
	@Column(name = "amount")
	BigDecimal amount;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "stage", nullable = false)
	DealStage stage;

	@Column(name = "close_date")
	LocalDate closeDate;

	@Min(0)
	@Max(100)
	@Column(name = "probability")
	Integer probability;

	@ManyToOne(optional = false)
	@NotNull
	Company company;

	@ManyToMany
	@JoinTable(name = "rel_deal__contact", joinColumns = @JoinColumn(name = "deal_id"),
			inverseJoinColumns = @JoinColumn(name = "contact_id"))
	Set<Contact> contacts = new HashSet<>();

}
