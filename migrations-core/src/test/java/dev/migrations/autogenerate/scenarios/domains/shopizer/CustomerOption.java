package dev.migrations.autogenerate.scenarios.domains.shopizer;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

@Entity
@Table(name = "CUSTOMER_OPTION", indexes = { @Index(name = "CUST_OPT_CODE_IDX", columnList = "CUSTOMER_OPT_CODE") },
		uniqueConstraints = @UniqueConstraint(columnNames = { "MERCHANT_ID", "CUSTOMER_OPT_CODE" }))
public class CustomerOption {

	@Id
	@Column(name = "CUSTOMER_OPTION_ID")
	@TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
			pkColumnValue = "CUSTOMER_OPTION_SEQ_NEXT_VAL")
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
	private Long id;

	@Column(name = "SORT_ORDER")
	private Integer sortOrder = 0;

	@Column(name = "CUSTOMER_OPTION_TYPE", length = 10)
	private String customerOptionType;

	@NotEmpty
	@Pattern(regexp = "^[a-zA-Z0-9_]*$")
	@Column(name = "CUSTOMER_OPT_CODE")
	private String code;

	@Column(name = "CUSTOMER_OPT_ACTIVE")
	private boolean active;

	@Column(name = "CUSTOMER_OPT_PUBLIC")
	private boolean publicOption;

	@Valid
	@OneToMany(fetch = FetchType.LAZY, cascade = CascadeType.ALL, mappedBy = "customerOption")
	private Set<CustomerOptionDescription> descriptions = new HashSet<>();

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "MERCHANT_ID", nullable = false)
	private MerchantStore merchantStore;

}
