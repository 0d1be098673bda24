package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;

@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class PaymentInfo {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
	@SequenceGenerator(name = "payment_seq", sequenceName = "blc_payment_seq", initialValue = 1000, allocationSize = 20)
	private Long id;

	@Column(name = "amount", precision = 19, scale = 5, nullable = false)
	private BigDecimal amount;

	@Column(name = "reference_number", length = 64)
	private String referenceNumber;

}
