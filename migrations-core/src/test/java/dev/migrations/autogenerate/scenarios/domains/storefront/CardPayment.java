package dev.migrations.autogenerate.scenarios.domains.storefront;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "card_payments")
@PrimaryKeyJoinColumn(name = "payment_id")
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {

	public enum Brand { VISA, MASTERCARD, AMEX }

	@Size(min = 4, max = 4)
	@Pattern(regexp = "\\d{4}")
	private String last4;

	@Enumerated(EnumType.STRING)
	private Brand brand;

}
