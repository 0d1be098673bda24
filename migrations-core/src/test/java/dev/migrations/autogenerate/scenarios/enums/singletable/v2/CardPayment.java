package dev.migrations.autogenerate.scenarios.enums.singletable.v2;

import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

	String cardLastDigits;

}
