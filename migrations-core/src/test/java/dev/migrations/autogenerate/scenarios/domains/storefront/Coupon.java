package dev.migrations.autogenerate.scenarios.domains.storefront;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.NaturalId;

@Entity
public class Coupon {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "store_seq")
	@SequenceGenerator(name = "store_seq", sequenceName = "store_seq", allocationSize = 50)
	private Long id;

	@NaturalId
	@Column(length = 32)
	private String code;

	@Min(1)
	@Max(100)
	private Integer percentOff;

	private LocalDate validUntil;

	@ColumnDefault("0")
	private int usageCount;

}
