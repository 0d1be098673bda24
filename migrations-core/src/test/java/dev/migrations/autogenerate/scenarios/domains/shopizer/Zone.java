package dev.migrations.autogenerate.scenarios.domains.shopizer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Transient;

/** Left out: its descriptions. */
@Entity
@Table(name = "ZONE")
public class Zone {

	@Id
	@Column(name = "ZONE_ID")
	@TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
			pkColumnValue = "ZONE_SEQ_NEXT_VAL")
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
	private Long id;

	@ManyToOne
	@JoinColumn(name = "COUNTRY_ID", nullable = false)
	private Country country;

	@Transient
	private String name;

	@Column(name = "ZONE_CODE", unique = true, nullable = false)
	private String code;

}
