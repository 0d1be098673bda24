package dev.migrations.autogenerate.scenarios.domains.shopizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;

/**
 * Shopizer's {@code Customer}: ids from rows of one {@code @TableGenerator} table every entity shares,
 * a one-character enum column, {@code @Email}/{@code @NotEmpty}, three embeddables, a join table with
 * columns. Left out: the product reviews (their model is the catalogue's), and {@code updatable = false} on the
 * join table's columns, which Hibernate 7 refuses.
 */
@Entity
@Table(name = "CUSTOMER", uniqueConstraints = @UniqueConstraint(columnNames = { "MERCHANT_ID", "CUSTOMER_NICK" }))
public class Customer {

	@Id
	@Column(name = "CUSTOMER_ID", unique = true, nullable = false)
	@TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
			pkColumnValue = "CUSTOMER_SEQ_NEXT_VAL")
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
	private Long id;

	@Embedded
	private AuditSection auditSection = new AuditSection();

	@OneToMany(fetch = FetchType.LAZY, cascade = CascadeType.ALL, mappedBy = "customer")
	private Set<CustomerAttribute> attributes = new HashSet<>();

	@Column(name = "CUSTOMER_GENDER", length = 1, nullable = true)
	@Enumerated(value = EnumType.STRING)
	private CustomerGender gender;

	@Temporal(TemporalType.TIMESTAMP)
	@Column(name = "CUSTOMER_DOB")
	private Date dateOfBirth;

	@Email
	@NotEmpty
	@Column(name = "CUSTOMER_EMAIL_ADDRESS", length = 96, nullable = false)
	private String emailAddress;

	@Column(name = "CUSTOMER_NICK", length = 96)
	private String nick;

	@Column(name = "CUSTOMER_COMPANY", length = 100)
	private String company;

	@Column(name = "CUSTOMER_PASSWORD", length = 60)
	private String password;

	@Column(name = "CUSTOMER_ANONYMOUS")
	private boolean anonymous;

	@Column(name = "REVIEW_AVG")
	private BigDecimal customerReviewAvg;

	@Column(name = "REVIEW_COUNT")
	private Integer customerReviewCount;

	@Column(name = "PROVIDER")
	private String provider;

	@ManyToOne(fetch = FetchType.LAZY, targetEntity = Language.class)
	@JoinColumn(name = "LANGUAGE_ID", nullable = false)
	private Language defaultLanguage;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "MERCHANT_ID", nullable = false)
	private MerchantStore merchantStore;

	@Embedded
	private Delivery delivery = null;

	@Valid
	@Embedded
	private Billing billing = null;

	@ManyToMany(fetch = FetchType.LAZY, cascade = { CascadeType.REFRESH })
	@JoinTable(name = "CUSTOMER_GROUP", joinColumns = { @JoinColumn(name = "CUSTOMER_ID", nullable = false) },
			inverseJoinColumns = { @JoinColumn(name = "GROUP_ID", nullable = false) })
	private List<Group> groups = new ArrayList<>();

	@Transient
	private String showCustomerStateList;

	@Embedded
	private CredentialsReset credentialsResetRequest = null;

}
