package dev.migrations.autogenerate.scenarios.domains.shopizer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "CUSTOMER_ATTRIBUTE", uniqueConstraints = { @UniqueConstraint(columnNames = { "OPTION_ID", "CUSTOMER_ID" }) })
public class CustomerAttribute {

	@Id
	@Column(name = "CUSTOMER_ATTRIBUTE_ID", unique = true, nullable = false)
	@TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
			pkColumnValue = "CUST_ATTR_SEQ_NEXT_VAL")
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "OPTION_ID", nullable = false)
	private CustomerOption customerOption;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "OPTION_VALUE_ID", nullable = false)
	private CustomerOptionValue customerOptionValue;

	@Column(name = "CUSTOMER_ATTR_TXT_VAL")
	private String textValue;

	@ManyToOne(targetEntity = Customer.class)
	@JoinColumn(name = "CUSTOMER_ID", nullable = false)
	private Customer customer;

}
