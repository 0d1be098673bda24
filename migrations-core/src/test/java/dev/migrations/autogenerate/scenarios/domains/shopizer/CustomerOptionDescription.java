package dev.migrations.autogenerate.scenarios.domains.shopizer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "CUSTOMER_OPTION_DESC", uniqueConstraints = { @UniqueConstraint(columnNames = { "CUSTOMER_OPTION_ID", "LANGUAGE_ID" }) })
@TableGenerator(name = "description_gen", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
		pkColumnValue = "customer_option_description_seq", allocationSize = 1, initialValue = 1)
public class CustomerOptionDescription extends Description {

	@ManyToOne(targetEntity = CustomerOption.class)
	@JoinColumn(name = "CUSTOMER_OPTION_ID", nullable = false)
	private CustomerOption customerOption;

	@Column(name = "CUSTOMER_OPTION_COMMENT", length = 4000)
	private String customerOptionComment;

}
