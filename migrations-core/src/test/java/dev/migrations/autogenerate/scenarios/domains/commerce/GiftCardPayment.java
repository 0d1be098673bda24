package dev.migrations.autogenerate.scenarios.domains.commerce;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "blc_gift_card_payment")
public class GiftCardPayment extends PaymentInfo {

	@Column(name = "pin", length = 8)
	private String pin;

}
