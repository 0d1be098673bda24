package dev.migrations.autogenerate.scenarios.domains.commerce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "blc_credit_card_payment")
public class CreditCardPayment extends PaymentInfo {

	@Column(name = "pan", length = 19)
	private String pan;

	@Column(name = "expiration_month")
	private byte expirationMonth;

	@Column(name = "expiration_year")
	private short expirationYear;

}
