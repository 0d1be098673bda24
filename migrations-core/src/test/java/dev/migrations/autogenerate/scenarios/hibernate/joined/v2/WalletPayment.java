package dev.migrations.autogenerate.scenarios.hibernate.joined.v2;

import jakarta.persistence.Entity;

import dev.migrations.autogenerate.scenarios.hibernate.joined.Payment;

@Entity
public class WalletPayment extends Payment {

	String walletProvider;

	String walletAccount;

}
