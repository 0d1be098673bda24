package dev.migrations.autogenerate.scenarios.enums.insertvalue.v2;

public enum DealCurrency {

	AUD, USD, EUR, CHF, AED, GBP

}
