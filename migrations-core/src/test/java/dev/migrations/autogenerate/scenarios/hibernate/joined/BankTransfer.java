package dev.migrations.autogenerate.scenarios.hibernate.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

@Entity
@PrimaryKeyJoinColumn(name = "payment_id")
public class BankTransfer extends Payment {

	String iban;

}
