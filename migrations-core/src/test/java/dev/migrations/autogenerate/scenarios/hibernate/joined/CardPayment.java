package dev.migrations.autogenerate.scenarios.hibernate.joined;

import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

	String cardLastDigits;

}
