package dev.migrations.autogenerate.scenarios.domains.shopizer;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** A {@code java.util.Currency} column. */
@Entity
@Table(name = "CURRENCY")
@Cacheable
public class Currency {

	@Id
	@Column(name = "CURRENCY_ID")
	@TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
			pkColumnValue = "CURRENCY_SEQ_NEXT_VAL")
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
	private Long id;

	@Column(name = "CURRENCY_CURRENCY_CODE", nullable = false, unique = true)
	private java.util.Currency currency;

	@Column(name = "CURRENCY_SUPPORTED")
	private Boolean supported = true;

	@Column(name = "CURRENCY_CODE", unique = true)
	private String code;

	@Column(name = "CURRENCY_NAME", unique = true)
	private String name;

}
