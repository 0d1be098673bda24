package dev.migrations.autogenerate.scenarios.hibernate.joined.v1;

import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

	String cardLastDigits;

}
