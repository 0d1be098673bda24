package dev.migrations.autogenerate.scenarios.enums.singletable.v2;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("TRANSFER")
public class BankTransfer extends Payment {

	@Column(length = 34)
	String iban;

	String bankName;

	int transferDays;

}
